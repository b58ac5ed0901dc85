# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import KeposCapitalCase


class TestOnboarding(KeposCapitalCase):

    def _wizard(self, user, **values):
        vals = {'name': 'La Fabrique à Vélos', 'email': 'bonjour@fabvelo.fr',
                'category_id': self.cat_beneficiary.id,
                'share_type_id': self.share_type.id, 'quantity': 4}
        vals.update(values)
        return self.env['kepos.new.member.wizard'].sudo(user).create(vals)

    def test_new_member(self):
        action = self._wizard(self.staff).action_create()
        subscription = self.Subscription.browse(action['res_id'])
        self.assertEqual(subscription.state, 'draft')
        self.assertEqual(subscription.quantity, 4)
        partner = subscription.partner_id
        self.assertEqual(partner.name, 'La Fabrique à Vélos')
        self.assertEqual(partner.kepos_category_id, self.cat_beneficiary)
        self.assertFalse(partner.kepos_own_company_id)

    def test_new_member_with_books_and_user(self):
        action = self._wizard(
            self.manager, create_company=True, user_name='Lucas Petit',
            user_login='lucas.petit').action_create()
        partner = self.Subscription.browse(action['res_id']).partner_id
        company = partner.kepos_own_company_id
        self.assertTrue(company.kepos_member_company)
        self.assertTrue(company.chart_template_id)
        user = self.env['res.users'].search([('login', '=', 'lucas.petit')])
        self.assertEqual(user.company_id, company)
        self.assertEqual(user.kepos_member_id, partner)
        self.assertTrue(user.has_group('kepos_membership.group_kepos_member'))
        self.assertFalse(user.has_group('kepos_membership.group_kepos_staff'))

    def test_refusals(self):
        with self.assertRaises(UserError):
            self._wizard(self.staff, user_login='x.y').action_create()
        with self.assertRaises(UserError):
            self._wizard(self.staff, quantity=0).action_create()
        with self.assertRaises(AccessError):
            self._wizard(self.member_a).action_create()
