# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class KeposSupportCase(SavepointCase):
    """Two member companies with one user each, and a staff coach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env['res.partner']
        cls.member_a = Partner.create({'name': 'Atelier Test A', 'is_company': True})
        cls.member_b = Partner.create({'name': 'Atelier Test B', 'is_company': True})
        cls.user_a = cls._user('support_member_a', cls.member_a, 'kepos_membership.group_kepos_member')
        cls.user_b = cls._user('support_member_b', cls.member_b, 'kepos_membership.group_kepos_member')
        cls.coach = cls._user('support_staff', cls.env.ref('base.main_company').partner_id,
                              'kepos_membership.group_kepos_staff')

    @classmethod
    def _user(cls, login, company_partner, group):
        contact = cls.env['res.partner'].create({
            'name': login, 'parent_id': company_partner.id,
            'email': '%s@example.org' % login})
        return cls.env['res.users'].with_context(no_reset_password=True).create({
            'login': login,
            'partner_id': contact.id,
            'groups_id': [(6, 0, [cls.env.ref(group).id,
                                  cls.env.ref('account.group_account_invoice').id])],
        })
