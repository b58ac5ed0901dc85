# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KeposEventsCase


class TestTraining(KeposEventsCase):

    @classmethod
    def setUpClass(cls):
        super(TestTraining, cls).setUpClass()
        cls.training = cls._event(
            'training', kepos_certificate_min_hours=5.0,
            date_end='2026-06-11 17:00:00')
        cls.reg_a = cls._register(cls.training, cls.camille)
        cls.reg_b = cls._register(cls.training, cls.julien)
        (cls.reg_a | cls.reg_b).sudo(cls.staff).confirm_registration()
        Session = cls.env['kepos.training.session'].sudo(cls.staff)
        cls.day1 = Session.create({'event_id': cls.training.id,
                                   'name': 'Bases', 'duration': 3.0,
                                   'date_start': '2026-06-10 07:00:00'})
        cls.day2 = Session.create({'event_id': cls.training.id,
                                   'name': 'Pratique', 'duration': 3.0,
                                   'date_start': '2026-06-11 07:00:00'})
        (cls.day1 | cls.day2).action_fill_attendance()
        cls.day2.attendance_ids.filtered(
            lambda l: l.registration_id == cls.reg_b).present = False

    def test_hours_and_eligibility(self):
        self.assertEqual(self.training.kepos_training_hours, 6.0)
        self.assertEqual(self.reg_a.kepos_hours_attended, 6.0)
        self.assertEqual(self.reg_b.kepos_hours_attended, 3.0)
        self.assertTrue(self.reg_a.kepos_certificate_eligible)
        self.assertFalse(self.reg_b.kepos_certificate_eligible)
        # Filling again adds nobody twice.
        self.day1.action_fill_attendance()
        self.assertEqual(len(self.day1.attendance_ids), 2)

    def test_certificate(self):
        report = self.env.ref('kepos_events.action_report_training_certificate')
        html = report.sudo(self.member_a).render_qweb_pdf(
            self.reg_a.ids)[0].decode()
        self.assertIn(self.reg_a.name, html)
        self.assertIn(self.training.name, html)
        self.assertIn('06:00', html)
        # Camille reads French: the certificate is printed in her language.
        self.assertIn('Attestation de formation', html)
        self.assertIn('atteste que', html)
        with self.assertRaises(UserError):
            report.sudo(self.staff).render_qweb_pdf(self.reg_b.ids)
        with self.assertRaisesRegex(UserError, "Pas d'attestation"):
            self.reg_b.sudo(self.member_b).with_context(
                lang='fr_FR').action_kepos_print_certificate()

    def test_attendance_on_cancelled_event(self):
        day3 = self.day1.copy({'date_start': '2026-06-11 12:00:00'})
        self.training.sudo(self.staff).button_cancel()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['kepos.training.attendance'].sudo(self.staff).create({
                'session_id': day3.id,
                'registration_id': self.reg_a.id})
        with self.assertRaises(UserError):
            day3.action_fill_attendance()
        self.assertFalse(day3.attendance_ids)

    def test_attendance_of_another_event_refused(self):
        other = self._event('training')
        stranger = self._register(other, self.graine)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['kepos.training.attendance'].sudo(self.staff).create({
                'session_id': self.day1.id, 'registration_id': stranger.id})

    def test_hours_per_member_and_year(self):
        Report = self.env['kepos.training.hours.report']
        Report.invalidate_cache()
        bocal = self.camille.commercial_partner_id
        lines = Report.search([('event_id', '=', self.training.id)])
        self.assertEqual(
            {(l.member_id, l.year, l.hours) for l in lines},
            {(bocal, '2026', 6.0),
             (self.julien.commercial_partner_id, '2026', 3.0)})
        # A member sees its own hours only.
        mine = Report.sudo(self.member_a).search(
            [('event_id', '=', self.training.id)])
        self.assertEqual(mine.mapped('member_id'), bocal)

    def test_member_rights(self):
        visible = self.env['kepos.training.attendance'].sudo(
            self.member_a).search([('event_id', '=', self.training.id)])
        self.assertEqual(visible.mapped('registration_id'), self.reg_a)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            visible[0].sudo(self.member_a).write({'present': False})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.day1.sudo(self.member_a).write({'duration': 10})
