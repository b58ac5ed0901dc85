# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a client may do to a business fair, whatever it sends: the calls
of these tests are those a browser's developer tools can make."""
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KeposEventsCase

B2B = 'odoo.addons.kepos_events.models.event_event_b2b.'
FORGED_CONTEXTS = ({'kepos_server_write': True},
                   {'kepos_transition': True})


class TestRpcB2b(KeposEventsCase):

    @classmethod
    def setUpClass(cls):
        super(TestRpcB2b, cls).setUpClass()
        cls.fair = cls._event('business_fair')
        cls.reg_a = cls._register(cls.fair, cls.camille)
        cls.reg_b = cls._register(cls.fair, cls.julien)
        cls.reg_c = cls._register(cls.fair, cls.graine)
        cls.reg_d = cls._register(cls.fair, cls.octet)
        cls.Wizard = cls.env['kepos.b2b.slot.wizard']
        cls.Wizard.sudo(cls.staff).with_context(active_id=cls.fair.id).create({
            'date_start': '2026-06-10 08:00:00',
            'date_end': '2026-06-10 09:00:00',
            'meeting_minutes': 15, 'break_minutes': 5, 'table_count': 2,
        }).action_generate()
        cls.slots = cls.fair.kepos_b2b_slot_ids.sorted('date_start')

    def _request(self, requester, requested, user=None):
        Request = self.env['kepos.b2b.request'].sudo(user or self.staff)
        return Request.create({'event_id': self.fair.id,
                               'requester_id': requester.id,
                               'requested_id': requested.id})

    def _requests(self):
        return self.env['kepos.b2b.request'].search(
            [('event_id', '=', self.fair.id)])

    # Requests: made from one's own registration, answered by the other side

    def test_request_only_from_own_registration(self):
        Request = self.env['kepos.b2b.request'].sudo(self.member_a)
        for requester in (self.reg_b, self.reg_c):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                Request.create({'event_id': self.fair.id,
                                'requester_id': requester.id,
                                'requested_id': self.reg_d.id})
        self.assertFalse(self._requests())

    def test_reverse_request_not_answered_by_a_third(self):
        # Octet asked Graine; Camille sends the reverse request in Graine's
        # name: it would accept Octet's request on Graine's behalf.
        asked = self._request(self.reg_d, self.reg_c)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self._request(self.reg_c, self.reg_d, self.member_a)
        self.assertEqual(asked.state, 'requested')
        self.assertEqual(self._requests(), asked)

    def test_reverse_request_by_the_requested_accepts(self):
        asked = self._request(self.reg_b, self.reg_a, self.member_b)
        answer = self._request(self.reg_a, self.reg_b, self.member_a)
        self.assertEqual(answer, asked)
        self.assertEqual(asked.state, 'accepted')

    def test_malformed_parties_refused_cleanly(self):
        Request = self.env['kepos.b2b.request'].sudo(self.member_a)
        for bad in ('abc', ['not', 'a', 'scalar'], 2 ** 40, -1):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Request.create({'event_id': self.fair.id,
                                'requester_id': self.reg_a.id,
                                'requested_id': bad})
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self.reg_a.sudo(self.member_a).write({'partner_id': bad})
        self.assertFalse(self._requests())

    def test_requested_is_a_participant_of_the_fair(self):
        other_fair = self._event('business_fair')
        stranger = self._register(other_fair, self.graine)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._request(self.reg_a, stranger, self.member_a)
        self.reg_c.sudo(self.staff).button_reg_cancel()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._request(self.reg_a, self.reg_c, self.member_a)
        Request = self.env['kepos.b2b.request'].sudo(self.member_a)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            Request.create({'event_id': other_fair.id,
                            'requester_id': self.reg_a.id,
                            'requested_id': self.reg_b.id})
        self.assertFalse(self._requests())

    def test_parties_and_fair_frozen(self):
        request = self._request(self.reg_a, self.reg_b, self.member_a)
        other_fair = self._event('business_fair')
        for user in (self.member_a, self.staff):
            for vals in ({'requester_id': self.reg_c.id},
                         {'requested_id': self.reg_d.id},
                         {'event_id': other_fair.id}):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    request.sudo(user).write(vals)
        self.assertEqual((request.requester_id, request.requested_id,
                          request.event_id),
                         (self.reg_a, self.reg_b, self.fair))
        # The message is the requester's.
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            request.sudo(self.member_b).write({'message': 'Oui'})
        request.sudo(self.member_a).write({'message': 'Bocaux'})
        self.assertEqual(request.message, 'Bocaux')

    def test_state_and_server_fields_refused(self):
        request = self._request(self.reg_a, self.reg_b, self.member_a)
        for user in (self.member_a, self.member_b, self.staff):
            for context in ({},) + FORGED_CONTEXTS:
                for vals in ({'state': 'accepted'},
                             {'unplaced_reason': 'busy'},
                             {'requested_member_id': self.graine.id}):
                    with self.assertRaises(AccessError), \
                            self.env.cr.savepoint():
                        request.sudo(user).with_context(context).write(vals)
        Request = self.env['kepos.b2b.request'].sudo(self.member_a)
        for context in FORGED_CONTEXTS:
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                Request.with_context(context).create({
                    'event_id': self.fair.id, 'requester_id': self.reg_a.id,
                    'requested_id': self.reg_c.id, 'state': 'accepted'})
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                Request.with_context(context, default_state='accepted').create({
                    'event_id': self.fair.id, 'requester_id': self.reg_a.id,
                    'requested_id': self.reg_c.id, 'state': 'accepted'})
        # A forbidden default is dropped, not obeyed.
        dropped = Request.with_context(default_state='accepted').create({
            'event_id': self.fair.id, 'requester_id': self.reg_a.id,
            'requested_id': self.reg_c.id})
        self.assertEqual(dropped.state, 'requested')
        self.assertEqual(request.state, 'requested')
        self.assertFalse(request.unplaced_reason)

    def test_answered_by_the_requested_only(self):
        request = self._request(self.reg_a, self.reg_b, self.member_a)
        for method in ('action_accept', 'action_decline'):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                getattr(request.sudo(self.member_a), method)()
        self.assertEqual(request.state, 'requested')
        # A third company can neither read nor answer it.
        other = self._request(self.reg_c, self.reg_d)
        for method in ('action_accept', 'action_decline'):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                getattr(other.sudo(self.member_a), method)()
        self.assertEqual(other.state, 'requested')
        request.sudo(self.member_b).action_accept()
        self.assertEqual(request.state, 'accepted')
        with self.assertRaises(UserError), self.env.cr.savepoint():
            request.sudo(self.member_b).action_accept()
        # The organisers answer on a participant's behalf.
        other.sudo(self.staff).action_decline()
        self.assertEqual(other.state, 'declined')

    # Registrations

    def test_registration_fields_by_role(self):
        as_a = self.reg_a.sudo(self.member_a)
        as_a.write({'kepos_b2b_description': 'Bocaux consignés',
                    'kepos_unavailable_slot_ids': [(6, 0, self.slots[:1].ids)]})
        for vals in ({'kepos_member_id': self.graine.id},
                     {'event_id': self._event('business_fair').id},
                     {'partner_id': self.graine.id},
                     {'kepos_attendance_ids': [(5, 0, 0)]}):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                as_a.write(vals)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.reg_c.sudo(self.member_a).write({'kepos_b2b_description': 'x'})
        other_fair = self._event('business_fair')
        other_fair.sudo(self.staff).write({'kepos_b2b_slot_ids': [(0, 0, {
            'date_start': '2026-06-10 10:00:00',
            'date_end': '2026-06-10 10:15:00'})]})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            as_a.write({'kepos_unavailable_slot_ids': [
                (4, other_fair.kepos_b2b_slot_ids.id)]})
        self.assertEqual(self.reg_a.kepos_member_id,
                         self.camille.commercial_partner_id)
        self.assertEqual(self.reg_a.event_id, self.fair)
        self.assertEqual(self.reg_a.kepos_unavailable_slot_ids, self.slots[0])

    def test_registration_with_requests_stays_on_its_event(self):
        self._request(self.reg_a, self.reg_b)
        other_fair = self._event('business_fair')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.reg_a.sudo(self.staff).write({'event_id': other_fair.id})
        # Not even the server moves it.
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.reg_a.sudo().write({'event_id': other_fair.id})
        self.assertEqual(self.reg_a.event_id, self.fair)

    # Scheduling and the slot wizard: staff only, bounded

    def test_schedule_staff_only(self):
        request = self._request(self.reg_a, self.reg_b)
        request.action_accept()
        for user in (self.member_a, self.member_b):
            for method in ('action_kepos_b2b_schedule',
                           'action_kepos_b2b_confirm'):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    getattr(self.fair.sudo(user), method)()
        self.assertFalse(self.fair.kepos_b2b_meeting_ids)
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        meeting = self.fair.kepos_b2b_meeting_ids
        self.assertEqual(len(meeting), 1)
        for method in ('action_confirm', 'action_unconfirm'):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                getattr(meeting.sudo(self.member_a), method)()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            meeting.sudo(self.member_a).write({'confirmed': True})
        self.assertFalse(meeting.confirmed)

    def test_slot_wizard_staff_only(self):
        Wizard = self.Wizard.sudo(self.member_a).with_context(
            active_id=self.fair.id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Wizard.create({'date_start': '2026-06-10 10:00:00',
                           'date_end': '2026-06-10 11:00:00'})
        wizard = Wizard.create({})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            wizard.action_generate()
        self.assertEqual(self.fair.kepos_b2b_slot_ids, self.slots)

    def test_slot_wizard_bounded(self):
        Wizard = self.Wizard.sudo(self.staff).with_context(
            active_id=self.fair.id)
        # One-minute meetings all afternoon: more slots than a fair uses.
        Wizard = Wizard.with_context(lang='en_US')
        wizard = Wizard.create({'date_start': '2026-06-10 10:00:00',
                                'date_end': '2026-06-10 17:00:00',
                                'meeting_minutes': 1, 'break_minutes': 0})
        with self.assertRaisesRegex(UserError, 'at most 48'):
            wizard.action_generate()
        wizard = Wizard.create({'date_start': '2026-06-10 10:00:00',
                                'date_end': '2026-06-10 11:00:00',
                                'table_count': 100000})
        with self.assertRaises(UserError):
            wizard.action_generate()
        # 3 + 40 slots at 100 tables: beyond the grid a fair can use.
        wizard = Wizard.create({'date_start': '2026-06-10 10:00:00',
                                'date_end': '2026-06-10 16:40:00',
                                'meeting_minutes': 10, 'break_minutes': 0,
                                'table_count': 100})
        with self.assertRaises(ValidationError):
            wizard.action_generate()
        self.assertEqual(self.fair.kepos_b2b_slot_ids, self.slots)
        self.assertEqual(len(self.fair.kepos_b2b_table_ids), 2)

    def test_slots_bounded_on_every_path(self):
        fair = self.fair.sudo(self.staff)
        with patch(B2B + 'MAX_SLOTS', 3), \
                self.assertRaises(ValidationError), self.env.cr.savepoint():
            fair.write({'kepos_b2b_slot_ids': [(0, 0, {
                'date_start': '2026-06-10 10:00:00',
                'date_end': '2026-06-10 10:15:00'})]})
        with patch(B2B + 'MAX_GRID', 6), \
                self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env['kepos.b2b.table'].sudo(self.staff).create(
                {'event_id': self.fair.id, 'name': 'Table 3'})
        self.assertEqual(len(self.fair.kepos_b2b_slot_ids), 3)
        self.assertEqual(len(self.fair.kepos_b2b_table_ids), 2)

    def test_schedule_bounded(self):
        requests = (self._request(self.reg_a, self.reg_b)
                    | self._request(self.reg_c, self.reg_d))
        requests.action_accept()
        with patch(B2B + 'MAX_REQUESTS', 1), \
                self.assertRaisesRegex(UserError, 'at most 1 are'):
            self.fair.sudo(self.staff).with_context(
                lang='en_US').action_kepos_b2b_schedule()
        self.assertFalse(self.fair.kepos_b2b_meeting_ids)

    # Agendas and grid: one's own, after the check

    def test_agenda_is_for_own_registration(self):
        (self._request(self.reg_a, self.reg_b)
         | self._request(self.reg_c, self.reg_d)).action_accept()
        self.fair.sudo(self.staff).action_kepos_b2b_schedule()
        agenda = self.env.ref('kepos_events.action_report_b2b_agenda')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            agenda.sudo(self.member_a).render_qweb_html(self.reg_c.ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.reg_c.sudo(self.member_a).action_kepos_print_agenda()
        html = agenda.sudo(self.member_a).render_qweb_html(
            self.reg_a.ids)[0].decode()
        self.assertIn(self.reg_b.name, html)
        self.assertNotIn(self.reg_d.name, html)
        grid = self.env.ref('kepos_events.action_report_b2b_grid')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            grid.sudo(self.member_a).render_qweb_html(self.fair.ids)
        html = grid.sudo(self.staff).render_qweb_html(
            self.fair.ids)[0].decode()
        self.assertIn(self.reg_d.name, html)
