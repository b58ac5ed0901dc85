# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import KeposEventsCase


class TestB2bFair(KeposEventsCase):

    @classmethod
    def setUpClass(cls):
        super(TestB2bFair, cls).setUpClass()
        cls.fair = cls._event('business_fair')
        cls.reg_a = cls._register(cls.fair, cls.camille)
        cls.reg_b = cls._register(cls.fair, cls.julien)
        cls.reg_c = cls._register(cls.fair, cls.graine)
        cls.reg_d = cls._register(cls.fair, cls.octet)
        wizard = cls.env['kepos.b2b.slot.wizard'].sudo(cls.staff).with_context(
            active_id=cls.fair.id).create({
                'date_start': '2026-06-10 08:00:00',
                'date_end': '2026-06-10 09:00:00',
                'meeting_minutes': 15, 'break_minutes': 5, 'table_count': 2})
        wizard.action_generate()
        cls.slots = cls.fair.kepos_b2b_slot_ids.sorted('date_start')
        cls.Request = cls.env['kepos.b2b.request'].sudo(cls.staff)

    def _request(self, requester, requested, user=None):
        Request = self.env['kepos.b2b.request'].sudo(user or self.staff)
        return Request.create({'event_id': self.fair.id,
                               'requester_id': requester.id,
                               'requested_id': requested.id})

    def test_slots_and_tables_generated(self):
        self.assertEqual(len(self.slots), 3)
        self.assertEqual(self.slots[1].date_start, '2026-06-10 08:20:00')
        self.assertEqual(len(self.fair.kepos_b2b_table_ids), 2)

    def test_bad_slots(self):
        Slot = self.env['kepos.b2b.slot'].sudo(self.staff)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Slot.create({'event_id': self.fair.id,
                         'date_start': '2026-06-10 18:00:00',
                         'date_end': '2026-06-10 18:15:00'})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Slot.create({'event_id': self.fair.id,
                         'date_start': '2026-06-10 08:10:00',
                         'date_end': '2026-06-10 08:25:00'})
        self.assertEqual(len(self.fair.kepos_b2b_slot_ids), 3)

    def test_bad_requests(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._request(self.reg_a, self.reg_a)
        self._request(self.reg_a, self.reg_b)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._request(self.reg_a, self.reg_b)
        self.assertEqual(self.fair.kepos_b2b_request_count, 1)

    def test_mutual_and_auto_accept(self):
        first = self._request(self.reg_a, self.reg_b)
        self.assertEqual(first.state, 'requested')
        second = self._request(self.reg_b, self.reg_a)
        self.assertEqual(second, first)
        self.assertEqual(first.state, 'accepted')
        self.fair.kepos_b2b_auto_accept = True
        self.assertEqual(self._request(self.reg_c, self.reg_d).state,
                         'accepted')

    def test_schedule_and_rerun(self):
        pairs = [(self.reg_a, self.reg_b), (self.reg_a, self.reg_c),
                 (self.reg_a, self.reg_d), (self.reg_b, self.reg_c),
                 (self.reg_c, self.reg_d), (self.reg_b, self.reg_d)]
        requests = self.Request.browse()
        for requester, requested in pairs:
            requests |= self._request(requester, requested)
        requests.action_accept()
        self.reg_d.kepos_unavailable_slot_ids = self.slots[0]
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        meetings = self.fair.kepos_b2b_meeting_ids
        # Six meetings of a round robin of four need three slots; D is away
        # for one of them, so at most two of D's three meetings fit.
        self.assertEqual(len(meetings), 5)
        self.assertEqual(self.fair.kepos_b2b_unplaced_count, 1)
        self.assertNotIn(self.slots[0], (
            meetings.filtered(lambda m: self.reg_d in (
                m.requester_id | m.requested_id)).mapped('slot_id')))
        for slot in self.slots:
            people = meetings.filtered(lambda m: m.slot_id == slot).mapped(
                lambda m: m.requester_id | m.requested_id)
            in_slot = meetings.filtered(lambda m: m.slot_id == slot)
            self.assertEqual(len(people), 2 * len(in_slot))
        confirmed = meetings[0]
        where = (confirmed.slot_id, confirmed.table_id)
        confirmed.sudo(self.staff).action_confirm()
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        self.assertTrue(confirmed.exists())
        self.assertEqual((confirmed.slot_id, confirmed.table_id), where)
        self.assertEqual(len(self.fair.kepos_b2b_meeting_ids), 5)
        grid = self.env.ref('kepos_events.action_report_b2b_grid').sudo(
            self.staff).render_qweb_pdf(self.fair.ids)[0].decode()
        self.assertIn(self.reg_c.name, grid)
        agenda = self.env.ref('kepos_events.action_report_b2b_agenda').sudo(
            self.member_a).render_qweb_pdf(self.reg_a.ids)[0].decode()
        self.assertIn(self.reg_b.name, agenda)
        self.assertIn(self.fair.kepos_b2b_table_ids[0].name, grid)

    def test_double_booking_refused(self):
        ab = self._request(self.reg_a, self.reg_b)
        ac = self._request(self.reg_a, self.reg_c)
        cd = self._request(self.reg_c, self.reg_d)
        (ab | ac | cd).action_accept()
        Meeting = self.env['kepos.b2b.meeting'].sudo(self.staff)
        table1, table2 = self.fair.kepos_b2b_table_ids
        Meeting.create({'request_id': ab.id, 'slot_id': self.slots[0].id,
                        'table_id': table1.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Meeting.create({'request_id': ac.id,
                            'slot_id': self.slots[0].id,
                            'table_id': table2.id})
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'):
            with self.env.cr.savepoint():
                Meeting.create({'request_id': cd.id,
                                'slot_id': self.slots[0].id,
                                'table_id': table1.id})
        self.reg_d.kepos_unavailable_slot_ids = self.slots[1]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Meeting.create({'request_id': cd.id,
                            'slot_id': self.slots[1].id,
                            'table_id': table1.id})

    def test_member_rights(self):
        Registration = self.env['event.registration'].sudo(self.member_a)
        # A member registers its own people, not other companies.
        own = Registration.create({'event_id': self.fair.id,
                                   'partner_id': self.camille.id,
                                   'name': 'Camille Durand (2)'})
        self.assertEqual(own.kepos_member_id, self.camille.commercial_partner_id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Registration.create({'event_id': self.fair.id,
                                 'partner_id': self.graine.id,
                                 'name': self.graine.name})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.reg_c.sudo(self.member_a).write({'kepos_b2b_description': 'x'})
        # Requests: asked for one's own people, answered by the other side.
        request = self._request(self.reg_a, self.reg_b, self.member_a)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._request(self.reg_c, self.reg_b, self.member_a)
        with self.assertRaises(AccessError):
            request.sudo(self.member_a).action_accept()
        request.sudo(self.member_b).action_accept()
        self.assertEqual(request.state, 'accepted')
        other = self._request(self.reg_c, self.reg_d)
        self.assertNotIn(other, self.Request.sudo(self.member_a).search(
            [('event_id', '=', self.fair.id)]))
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            other.sudo(self.member_a).read(['state'])
        # Organisation is the staff's job.
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.slots[0].sudo(self.member_a).unlink()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.fair.sudo(self.member_a).action_kepos_b2b_schedule()
        # The agenda shows one's own meetings only.
        (other | self._request(self.reg_b, self.reg_c)).action_accept()
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        self.assertEqual(len(self.fair.kepos_b2b_meeting_ids), 3)
        mine = self.env['kepos.b2b.meeting'].sudo(self.member_a).search(
            [('event_id', '=', self.fair.id)])
        self.assertEqual(mine.mapped('request_id'), request)
        self.assertEqual(mine, self.env['kepos.b2b.meeting'].sudo(
            self.member_a).search([('kepos_is_mine', '=', True)]))

    def test_member_registers_self(self):
        meeting = self._event('monthly_meeting')
        action = meeting.sudo(self.member_b).action_kepos_register()
        registration = self.env['event.registration'].browse(
            action['res_id'])
        self.assertEqual(registration.partner_id, self.julien)
        self.assertEqual(registration.kepos_member_id,
                         self.env.ref('kepos_membership.member_velocargo'))
        with self.assertRaises(UserError):
            meeting.sudo(self.member_b).action_kepos_register()
        meeting.sudo(self.staff).button_cancel()
        with self.assertRaises(UserError):
            meeting.sudo(self.member_a).action_kepos_register()

    def test_decline_removes_meeting(self):
        request = self._request(self.reg_a, self.reg_b)
        request.action_accept()
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        self.assertEqual(len(request.meeting_ids), 1)
        request.sudo(self.member_b).action_decline()
        self.assertEqual(request.state, 'declined')
        self.assertFalse(self.fair.kepos_b2b_meeting_ids)
        with self.assertRaises(UserError):
            request.sudo(self.member_b).action_decline()

    def test_state_only_through_buttons(self):
        # Camille asks Julien: she cannot accept on his behalf by writing
        # the state, nor create an accepted request.
        request = self._request(self.reg_a, self.reg_b, self.member_a)
        for state in ('accepted', 'declined'):
            with self.assertRaises(AccessError):
                request.sudo(self.member_a).write({'state': state})
        with self.assertRaises(AccessError):
            request.sudo(self.member_a).write({'unplaced_reason': 'busy'})
        with self.assertRaises(AccessError):
            self.env['kepos.b2b.request'].sudo(self.member_a).create({
                'event_id': self.fair.id, 'requester_id': self.reg_a.id,
                'requested_id': self.reg_c.id, 'state': 'accepted'})
        self.assertEqual(request.state, 'requested')
        request.sudo(self.member_b).action_accept()
        self.assertEqual(request.state, 'accepted')

    def test_duplicate_tag_refused_before_the_database(self):
        Tag = self.env['kepos.b2b.tag'].sudo(self.member_a)
        Tag.create({'name': 'Consigne de bocaux'})
        with self.assertRaises(ValidationError):
            Tag.create({'name': 'Consigne de bocaux'})
