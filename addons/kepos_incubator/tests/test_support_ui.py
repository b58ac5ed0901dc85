# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase


class TestSupportUi(TransactionCase):
    """The demo member finds the support menus, in French."""

    def setUp(self):
        super().setUp()
        self.user_a = self.env.ref('kepos_membership.user_member_a')

    def test_member_menus(self):
        visible = self.env['ir.ui.menu'].sudo(self.user_a)._visible_menu_ids()
        for xmlid in ('menu_kepos_support_request', 'menu_kepos_funding_call',
                      'menu_kepos_support_report', 'menu_kepos_support_yearly_wizard'):
            self.assertIn(self.env.ref('kepos_incubator.%s' % xmlid).id, visible, xmlid)
        # The catalogue is configured by the staff, under their Configuration menu.
        service_menu = self.env.ref('kepos_incubator.menu_kepos_support_service')
        self.assertNotIn(service_menu.parent_id.id, visible)
        self.assertIn(service_menu.parent_id.id,
                      self.env['ir.ui.menu'].sudo(self.env.ref(
                          'kepos_membership.user_kepos_staff'))._visible_menu_ids())

    def test_french_labels(self):
        Request = self.env['kepos.support.request'].sudo(self.user_a).with_context(lang='fr_FR')
        fields = Request.fields_get(['kind', 'state'])
        self.assertEqual(fields['kind']['string'], 'Type')
        self.assertIn(('in_progress', 'En cours'), fields['state']['selection'])
        arch = Request.fields_view_get(view_type='form')['arch']
        self.assertIn('Besoin', arch)
