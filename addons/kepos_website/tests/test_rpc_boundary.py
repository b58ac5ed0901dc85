# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestRpcBoundary(SavepointCase):
    """Who may set the site's fields and call its steps."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.profile_a = ref('kepos_synergy.profile_bocal')
        cls.product = ref('kepos_synergy.product_datafrugale_hosting')
        cls.offer = ref('kepos_synergy.joint_offer_transition')

    def test_member_opts_in_its_own_profile(self):
        self.profile_a.sudo(self.member_a).write({
            'kepos_website_published': False,
            'kepos_website_keywords': 'bocaux'})
        self.assertFalse(self.profile_a.kepos_website_published)
        other = self.env.ref('kepos_synergy.profile_renovhabitat')
        with self.assertRaises(AccessError):
            other.sudo(self.member_a).write({'kepos_website_published': True})

    def test_only_staff_publishes(self):
        with self.assertRaises(AccessError):
            self.product.sudo(self.member_a).write(
                {'kepos_website_published': True})
        self.product.sudo(self.staff).write({'kepos_website_published': True})
        with self.assertRaises(AccessError):
            self.offer.sudo(self.member_a).write({'kepos_coordinator_id': 1})

    def test_site_fields_of_leads_and_needs_are_the_servers(self):
        lead = self.env['crm.lead'].sudo(self.staff).create({'name': 'x'})
        with self.assertRaises(AccessError):
            lead.write({'kepos_website_origin': 'quote'})
        need = self.env['kepos.territorial.need'].sudo(self.staff).create(
            {'name': 'y'})
        with self.assertRaises(AccessError):
            need.write({'kepos_consent_date': '2026-01-01 00:00:00'})
        with self.assertRaises(AccessError):
            need.with_context(kepos_server_write=True).write(
                {'state': 'submitted'})

    def test_accept_is_the_staffs_from_submitted(self):
        need = self.env['kepos.territorial.need'].sudo(self.staff).create(
            {'name': 'z'})
        with self.assertRaises(Exception):
            need.action_kepos_accept()
        need._kepos_server_write({'state': 'submitted'})
        with self.assertRaises(AccessError):
            need.sudo(self.member_a).action_kepos_accept()
        self.assertEqual(need.state, 'submitted')

    def test_throttle_unreadable_by_members(self):
        with self.assertRaises(AccessError):
            self.env['kepos.website.throttle'].sudo(self.member_a).search([])

    def test_policy_declares_every_method(self):
        policy = self.env['kepos.rpc.policy'].describe()
        need = policy['kepos.territorial.need']
        self.assertEqual(need['methods']['action_kepos_accept']['role'],
                         'staff')
