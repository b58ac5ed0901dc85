# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .support_common import KeposSupportCase


class TestFundingCall(KeposSupportCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Theme = cls.env['kepos.theme']
        cls.theme_water = Theme.create({'name': 'Eau test'})
        cls.theme_wood = Theme.create({'name': 'Bois test'})
        cls.member_a.kepos_theme_ids = cls.theme_water
        cls.member_b.kepos_theme_ids = cls.theme_wood
        cls.funder = cls.env['res.partner'].create({'name': 'Agence de l\'eau test', 'is_company': True})

    def _call(self, **values):
        today = date.today()
        vals = {
            'name': 'Appel Eau',
            'funder_id': self.funder.id,
            'theme_ids': [(6, 0, self.theme_water.ids)],
            'date_open': fields.Date.to_string(today - timedelta(days=1)),
            'date_close': fields.Date.to_string(today + timedelta(days=30)),
            'user_id': self.coach.id,
            'reminder_days': 10,
        }
        vals.update(values)
        return self.env['kepos.funding.call'].sudo(self.coach).create(vals)

    def _reminders(self, call):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'kepos.funding.call'), ('res_id', '=', call.id),
            ('activity_type_id', '=', self.env.ref(
                'kepos_incubator.mail_activity_funding_call_closing').id)])

    def test_suggestions_match_themes(self):
        call = self._call()
        self.assertIn(self.member_a, call.suggested_partner_ids)
        self.assertNotIn(self.member_b, call.suggested_partner_ids)
        # A sector restriction excludes members of other sectors.
        industry = self.env['res.partner.industry'].create({'name': 'Secteur test'})
        call.industry_ids = industry
        self.assertNotIn(self.member_a, call.suggested_partner_ids)
        self.member_a.industry_id = industry
        call.invalidate_cache()
        self.assertIn(self.member_a, call.suggested_partner_ids)

    def test_suggestions_include_incubated_projects(self):
        Incubation = self.env['kepos.incubation']
        water = Incubation.create({'name': 'Récupération d\'eau de pluie',
                                   'theme_ids': [(6, 0, self.theme_water.ids)]})
        wood = Incubation.create({'name': 'Atelier bois',
                                  'theme_ids': [(6, 0, self.theme_wood.ids)]})
        call = self._call()
        self.assertIn(water, call.suggested_incubation_ids)
        self.assertNotIn(wood, call.suggested_incubation_ids)
        water.write({'abandon_reason': 'Pas de porteur',
                     'stage_id': self.env.ref('kepos_incubator.stage_abandoned').id})
        call.invalidate_cache()
        self.assertNotIn(water, call.suggested_incubation_ids)

    def test_send_to_suggested(self):
        call = self._call()
        with self.assertRaises(UserError):
            call.action_send_to_suggested()  # still a draft
        call.action_open()
        call.action_send_to_suggested()
        self.assertIn(self.member_a, call.sent_partner_ids)
        message = call.message_ids.filtered(lambda m: m.message_type == 'comment')[:1]
        self.assertIn(self.user_a.partner_id, message.partner_ids)
        self.assertNotIn(self.user_b.partner_id, message.partner_ids)

    def test_reminder_activity(self):
        call = self._call()
        self.assertFalse(self._reminders(call), 'No reminder while the call is a draft.')
        call.action_open()
        reminder = self._reminders(call)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.coach)
        self.assertEqual(reminder.date_deadline, fields.Date.to_string(date.today() + timedelta(days=20)))
        call.date_close = fields.Date.to_string(date.today() + timedelta(days=40))
        reminder = self._reminders(call)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.date_deadline, fields.Date.to_string(date.today() + timedelta(days=30)))
        # The daily cron recreates a reminder deleted by mistake, once.
        reminder.unlink()
        self.env['kepos.funding.call']._cron_schedule_reminders()
        self.env['kepos.funding.call']._cron_schedule_reminders()
        self.assertEqual(len(self._reminders(call)), 1)
        call.action_close()
        self.assertFalse(self._reminders(call))

    def test_bad_dates_and_amounts(self):
        today = date.today()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._call(date_close=fields.Date.to_string(today - timedelta(days=5)))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._call(amount_min=5000, amount_max=1000)
        call = self._call()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            call.write({'date_open': fields.Date.to_string(today + timedelta(days=60))})
        self.assertEqual(call.date_open, fields.Date.to_string(today - timedelta(days=1)))

    def test_applications_security(self):
        call = self._call()
        call.action_open()
        Application = self.env['kepos.funding.application']
        app_a = Application.sudo(self.user_a).create({'call_id': call.id, 'amount_requested': 20000})
        app_b = Application.sudo(self.user_b).create({'call_id': call.id, 'amount_requested': 8000})
        self.assertEqual(app_a.partner_id, self.member_a)
        self.assertEqual(Application.sudo(self.user_a).search([]), app_a)
        with self.assertRaises(AccessError):
            app_b.sudo(self.user_a).read(['amount_requested'])
        with self.assertRaises(AccessError):
            app_b.sudo(self.user_a).write({'amount_obtained': 1})
        # Members read the calls but do not edit them.
        call.sudo(self.user_a).read(['name'])
        with self.assertRaises(AccessError):
            call.sudo(self.user_a).write({'name': 'Modifié'})
        app_a.sudo(self.coach).action_submit()
        with self.assertRaises(UserError):
            app_a.sudo(self.coach).action_grant()  # no amount obtained
        app_a.sudo(self.coach).write({'amount_obtained': 15000})
        app_a.sudo(self.coach).action_grant()
        self.assertEqual(app_a.state, 'granted')
        with self.assertRaises(ValidationError), self.cr.savepoint():
            app_b.sudo(self.user_b).write({'amount_requested': -5})
