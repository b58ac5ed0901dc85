# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .support_common import KeposSupportCase


class TestBadInput(KeposSupportCase):
    """A member cannot skip a workflow by sending the state, or the staff's
    fields, with create or write (as a JSON-RPC client could)."""

    def test_funding_application_state_only_through_buttons(self):
        Application = self.env['kepos.funding.application'].sudo(self.user_a)
        call = self.env.ref('kepos_incubator.funding_call_circular')
        with self.assertRaises(AccessError):
            Application.create({'call_id': call.id, 'state': 'granted',
                                'amount_obtained': 50000})
        application = Application.create({'call_id': call.id,
                                          'amount_requested': 20000})
        application.action_submit()
        with self.assertRaises(ValidationError):  # before the database's error
            Application.create({'call_id': call.id, 'amount_requested': 1})
        with self.assertRaises(AccessError):
            application.write({'state': 'granted'})
        with self.assertRaises(AccessError):
            application.write({'state': 'draft'})
        self.assertEqual(application.state, 'submitted')
        with self.assertRaises(AccessError):  # handed to another member
            application.write({'partner_id': self.member_b.id})
        self.assertEqual(application.partner_id, self.member_a)
        # The funder's answer is recorded by the team, not by the member.
        with self.assertRaises(AccessError):
            application.write({'amount_obtained': 1000})
        with self.assertRaises(AccessError):
            application.action_grant()
        with self.assertRaises(AccessError):
            application.action_refuse()
        with self.assertRaises(AccessError):
            Application.create({
                'call_id': self.env.ref(
                    'kepos_incubator.funding_call_mobility').id,
                'amount_obtained': 5000})
        self.assertEqual(application.state, 'submitted')
        self.assertFalse(application.amount_obtained)
        application.sudo(self.coach).write({'amount_obtained': 1000})
        application.sudo(self.coach).action_grant()
        self.assertEqual(application.state, 'granted')

    def test_support_request_created_new_by_members(self):
        Request = self.env['kepos.support.request'].sudo(self.user_a)
        vals = {'name': 'Aide juridique', 'kind': 'legal'}
        for forced in ({'state': 'done'}, {'coach_id': self.coach.id},
                       {'dedicated_project': True}, {'coach_id': False},
                       {'service_id': False}, {'invoice_id': False},
                       {'hours': 10}, {'task_id': False}):
            with self.assertRaises(AccessError):
                Request.create(dict(vals, **forced))
        # What the member's form sends: the staff's fields are readonly
        # there, so they are not sent.
        request = Request.create(dict(vals, outcome=False, satisfaction=0))
        self.assertEqual(request.state, 'new')
        self.assertFalse(request.coach_id)
