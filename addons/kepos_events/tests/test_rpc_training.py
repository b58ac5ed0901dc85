# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Trainings, minutes and the Kèpos fields of events at the RPC boundary."""
from odoo.exceptions import AccessError, UserError

from .common import KeposEventsCase


class TestRpcTraining(KeposEventsCase):

    @classmethod
    def setUpClass(cls):
        super(TestRpcTraining, cls).setUpClass()
        cls.training = cls._event('training', kepos_certificate_min_hours=3.0)
        cls.reg_a = cls._register(cls.training, cls.camille)
        cls.reg_b = cls._register(cls.training, cls.julien)
        (cls.reg_a | cls.reg_b).confirm_registration()
        cls.session = cls.env['kepos.training.session'].sudo(cls.staff).create({
            'event_id': cls.training.id, 'name': 'Bases', 'duration': 3.0,
            'date_start': '2026-06-10 07:00:00'})
        cls.session.action_fill_attendance()
        cls.line_a = cls.session.attendance_ids.filtered(
            lambda l: l.registration_id == cls.reg_a)

    def test_registration_with_attendance_stays_on_its_event(self):
        other = self._event('training')
        for user in (self.member_a, self.staff):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.reg_a.sudo(user).write({'event_id': other.id})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.reg_a.sudo().write({'event_id': other.id})
        self.assertEqual(self.reg_a.event_id, self.training)
        self.assertEqual(self.reg_a.kepos_hours_attended, 3.0)

    def test_attendance_is_the_staff_s(self):
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.session.sudo(self.member_a).action_fill_attendance()
        for user in (self.member_a, self.staff):
            for vals in ({'registration_id': self.reg_b.id},
                         {'hours': 10.0}):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    self.line_a.sudo(user).write(vals)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.line_a.sudo(self.member_a).write({'present': False})
        self.assertEqual(self.line_a.registration_id, self.reg_a)
        self.assertEqual(self.line_a.hours, 3.0)
        self.line_a.sudo(self.staff).write({'present': False})
        self.assertEqual(self.reg_a.kepos_hours_attended, 0.0)

    def test_certificate_for_own_people(self):
        report = self.env.ref('kepos_events.action_report_training_certificate')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            report.sudo(self.member_b).render_qweb_html(self.reg_a.ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.reg_a.sudo(self.member_b).action_kepos_print_certificate()
        action = self.reg_a.sudo(self.member_a).action_kepos_print_certificate()
        self.assertEqual(action['type'], 'ir.actions.report')

    def test_event_fields_are_the_staff_s(self):
        as_member = self.training.sudo(self.member_a)
        for vals in ({'kepos_event_kind': 'other'},
                     {'kepos_certificate_min_hours': 0.0},
                     {'kepos_b2b_auto_accept': True}):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                as_member.write(vals)
        for vals in ({'kepos_b2b_request_ids': [(5, 0, 0)]},
                     {'kepos_b2b_meeting_ids': [(5, 0, 0)]},
                     {'kepos_attendance_ids': [(5, 0, 0)]}):
            model = (self.reg_a if 'kepos_attendance_ids' in vals
                     else self.training)
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                model.sudo(self.staff).write(vals)
        self.assertEqual(self.training.kepos_event_kind, 'training')
        self.assertEqual(self.training.kepos_certificate_min_hours, 3.0)
        self.assertTrue(self.reg_a.kepos_attendance_ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env.ref('kepos_events.event_type_round_table').sudo(
                self.member_a).write({'kepos_event_kind': 'other'})

    def test_followups_assigned_by_the_button_only(self):
        meeting = self._event('monthly_meeting')
        meeting.write({'kepos_followup_ids': [(0, 0, {
            'name': 'Relancer', 'user_id': self.member_a.id,
            'date_deadline': '2026-07-01'})]})
        line = meeting.kepos_followup_ids
        for context in ({}, {'kepos_server_write': True},
                        {'kepos_transition': True}):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                line.sudo(self.staff).with_context(context).write(
                    {'assigned': True})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            meeting.sudo(self.member_a).action_kepos_create_followups()
        self.assertEqual(line.state, 'draft')
        meeting.sudo(self.staff).action_kepos_create_followups()
        self.assertEqual(line.state, 'assigned')

    def test_every_public_method_declared(self):
        described = self.env['kepos.rpc.policy'].describe()
        undeclared = [
            (model, method)
            for model, policy in described.items()
            for method, declared in policy['methods'].items()
            if declared is None and (
                model.startswith(('kepos.b2b', 'kepos.event', 'kepos.training',
                                  'event.', 'report.kepos_events')))]
        self.assertEqual(undeclared, [])
