# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestMultiCompany(SavepointCase):
    """Members who keep their books in the shared system see only their own
    company's accounting, while the cooperative's staff see every company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cooperative = cls.env.ref('base.main_company')
        Partner = cls.env['res.partner']
        cls.member_a = Partner.create({'name': 'Atelier A', 'is_company': True})
        cls.member_b = Partner.create({'name': 'Atelier B', 'is_company': True})
        cls.customer = Partner.create({'name': 'Client commun', 'is_company': True})
        Company = cls.env['res.company']
        cls.company_a = Company.kepos_create_member_company(cls.member_a)
        cls.company_b = Company.kepos_create_member_company(cls.member_b)
        cls.user_a = cls._member_user('test_member_a', cls.member_a, cls.company_a)
        cls.user_b = cls._member_user('test_member_b', cls.member_b, cls.company_b)
        cls.staff = cls.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Staff', 'login': 'test_staff',
            'company_id': cls.cooperative.id,
            'company_ids': [(6, 0, [cls.cooperative.id])],
            'groups_id': [(6, 0, [cls.env.ref('kepos_membership.group_kepos_staff').id,
                                  cls.env.ref('account.group_account_invoice').id])],
        })
        cls.invoice_a = cls._invoice(cls.company_a)
        cls.invoice_b = cls._invoice(cls.company_b)

    @classmethod
    def _member_user(cls, login, member, company):
        contact = cls.env['res.partner'].create({'name': login, 'parent_id': member.id})
        return cls.env['res.users'].with_context(no_reset_password=True).create({
            'login': login,
            'partner_id': contact.id,
            'company_id': company.id,
            'company_ids': [(6, 0, [company.id])],
            'groups_id': [(6, 0, [cls.env.ref('kepos_membership.group_kepos_member').id,
                                  cls.env.ref('account.group_account_invoice').id])],
        })

    @classmethod
    def _invoice(cls, company):
        account = cls.env['account.account'].search([
            ('company_id', '=', company.id),
            ('user_type_id', '=', cls.env.ref('account.data_account_type_revenue').id),
        ], limit=1)
        journal = cls.env['account.journal'].search([
            ('company_id', '=', company.id), ('type', '=', 'sale')], limit=1)
        return cls.env['account.invoice'].with_context(
            force_company=company.id).create({
                'partner_id': cls.customer.id,
                'company_id': company.id,
                'journal_id': journal.id,
                'account_id': cls.customer.with_context(
                    force_company=company.id).property_account_receivable_id.id,
                'invoice_line_ids': [(0, 0, {
                    'name': 'Prestation', 'quantity': 1, 'price_unit': 100.0,
                    'account_id': account.id})],
            })

    def test_member_company_has_french_books(self):
        self.assertEqual(self.company_a.parent_id, self.cooperative)
        self.assertEqual(self.company_a.partner_id, self.member_a)
        self.assertEqual(self.company_a.chart_template_id,
                         self.env.ref('l10n_fr.l10n_fr_pcg_chart_template'))
        self.assertTrue(self.env['account.account'].search_count([
            ('company_id', '=', self.company_a.id), ('code', '=like', '411%')]))
        self.assertEqual(self.member_a.kepos_own_company_id, self.company_a)

    def test_member_sees_only_own_invoices(self):
        Invoice = self.env['account.invoice']
        seen_by_a = Invoice.sudo(self.user_a).search([
            ('id', 'in', (self.invoice_a | self.invoice_b).ids)])
        self.assertEqual(seen_by_a, self.invoice_a)
        with self.assertRaises(AccessError):
            self.invoice_b.sudo(self.user_a).read(['amount_total'])
        groups = Invoice.sudo(self.user_b).read_group(
            [('partner_id', '=', self.customer.id)], ['amount_total', 'company_id'],
            ['company_id'])
        self.assertEqual([g['company_id'][0] for g in groups], [self.company_b.id])

    def test_member_cannot_write_other_company_invoice(self):
        with self.assertRaises(AccessError):
            self.invoice_b.sudo(self.user_a).write({'name': 'hijack'})

    def test_staff_sees_every_member_company(self):
        seen = self.env['account.invoice'].sudo(self.staff).search([
            ('id', 'in', (self.invoice_a | self.invoice_b).ids)])
        self.assertEqual(seen, self.invoice_a | self.invoice_b)

    def test_members_share_the_directory(self):
        # The directory of members is shared: each sees the other's company partner.
        self.assertTrue(self.member_b.sudo(self.user_a).read(['name']))
        self.assertEqual(self.user_a.kepos_member_id, self.member_a)

    def test_second_company_for_same_member_refused(self):

        with self.assertRaises(UserError):
            self.env['res.company'].kepos_create_member_company(self.member_a)

    def test_groups_are_nested(self):
        manager = self.env.ref('kepos_membership.group_kepos_manager')
        staff = self.env.ref('kepos_membership.group_kepos_staff')
        member = self.env.ref('kepos_membership.group_kepos_member')
        self.assertIn(staff, manager.trans_implied_ids)
        self.assertIn(member, manager.trans_implied_ids)
        self.assertNotIn(staff, member.trans_implied_ids)
        self.assertTrue(self.staff.has_group('kepos_membership.group_kepos_member'))
        self.assertFalse(self.user_a.has_group('kepos_membership.group_kepos_staff'))

    def test_kepos_menu_visible_to_members(self):
        menus = self.env['ir.ui.menu'].sudo(self.user_a).load_menus(debug=False)
        root = self.env.ref('kepos_membership.menu_kepos_root')
        self.assertIn(root.id, menus['children'] and [m['id'] for m in menus['children']])
