# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestSynergySecurity(SavepointCase):
    """Record rules as the demo users: member_a acts for Le Bocal Nancéien,
    member_b for Vélo Cargo Stanislas."""

    @classmethod
    def setUpClass(cls):
        super(TestSynergySecurity, cls).setUpClass()
        ref = cls.env.ref
        cls.user_a = ref('kepos_membership.user_member_a')
        cls.user_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_membership.member_bocal')
        cls.velocargo = ref('kepos_membership.member_velocargo')
        cls.paniers = ref('kepos_membership.member_paniers')
        cls.cat_coffee = ref('kepos_synergy.category_coffee')
        Resource = cls.env['kepos.resource']
        cls.a_draft = Resource.create({
            'name': 'Brouillon du Bocal', 'partner_id': cls.bocal.id,
            'direction': 'offer', 'category_id': cls.cat_coffee.id,
            'quantity': 10, 'uom_id': ref('product.product_uom_kgm').id})
        cls.b_published = Resource.create({
            'name': 'Besoin de Vélo Cargo', 'partner_id': cls.velocargo.id,
            'direction': 'need', 'category_id': cls.cat_coffee.id,
            'quantity': 10, 'uom_id': ref('product.product_uom_kgm').id,
            'state': 'published'})

    def test_member_creates_own_resource(self):
        resource = self.env['kepos.resource'].sudo(self.user_a).create({
            'name': 'Marc de café', 'direction': 'offer',
            'category_id': self.cat_coffee.id, 'quantity': 30,
            'uom_id': self.env.ref('product.product_uom_kgm').id})
        self.assertEqual(resource.partner_id, self.bocal)
        self.assertAlmostEqual(resource.latitude, self.bocal.partner_latitude)
        resource.action_publish()
        self.assertEqual(resource.state, 'published')
        with self.assertRaises(AccessError):
            resource.write({'partner_id': self.velocargo.id})
        with self.assertRaises(AccessError):
            self.env['kepos.resource'].sudo(self.user_a).create({
                'name': 'Au nom d\'un autre', 'direction': 'offer',
                'partner_id': self.velocargo.id,
                'category_id': self.cat_coffee.id, 'quantity': 30,
                'uom_id': self.env.ref('product.product_uom_kgm').id})

    def test_member_cannot_edit_another_members_resource(self):
        resource = self.b_published.sudo(self.user_a)
        self.assertEqual(resource.name, 'Besoin de Vélo Cargo')
        with self.assertRaises(AccessError):
            resource.write({'quantity': 1})
        with self.assertRaises(AccessError):
            resource.unlink()
        self.assertEqual(self.b_published.quantity, 10)
        # the owner can
        self.b_published.sudo(self.user_b).write({'quantity': 12})
        self.assertEqual(self.b_published.quantity, 12)

    def test_drafts_are_private(self):
        visible_b = self.env['kepos.resource'].sudo(self.user_b).search([])
        self.assertNotIn(self.a_draft, visible_b)
        self.assertIn(self.b_published, visible_b)
        with self.assertRaises(AccessError):
            self.a_draft.sudo(self.user_b).read(['name'])
        self.assertIn(self.a_draft, self.env['kepos.resource'].sudo(
            self.user_a).search([]))
        self.assertIn(self.a_draft, self.env['kepos.resource'].sudo(
            self.staff).search([]))

    def test_matches_visible_to_the_two_members(self):
        self.a_draft.action_publish()
        match = self.env['kepos.match'].search([
            ('need_id', '=', self.b_published.id),
            ('offer_id', '=', self.a_draft.id)])
        self.assertTrue(match)
        self.assertIn(match, self.env['kepos.match'].sudo(
            self.user_a).search([]))
        match.sudo(self.user_b).action_dismiss()
        self.assertEqual(match.state, 'dismissed')
        with self.assertRaises(AccessError):
            match.sudo(self.user_b).write({'score': 100})
        outsider = self.env.ref('kepos_membership.user_member_b').copy({
            'login': 'outsider_test', 'name': 'Extérieur',
        })
        outsider.partner_id.parent_id = self.paniers
        self.assertNotIn(match, self.env['kepos.match'].sudo(
            outsider).search([]))

    def test_synergy_visible_to_parties_only(self):
        coffee = self.env.ref('kepos_synergy.synergy_coffee')  # Bocal–Paniers
        self.assertIn(coffee, self.env['kepos.synergy'].sudo(
            self.user_a).search([]))
        self.assertNotIn(coffee, self.env['kepos.synergy'].sudo(
            self.user_b).search([]))
        with self.assertRaises(AccessError):
            coffee.sudo(self.user_b).read(['name'])
        with self.assertRaises(AccessError):
            coffee.sudo(self.user_b).write({'name': 'Piraté'})
        self.assertIn(coffee, self.env['kepos.synergy'].sudo(
            self.staff).search([]))
        # a member cannot make a synergy between two others
        with self.assertRaises(AccessError):
            self.env['kepos.synergy'].sudo(self.user_b).create({
                'name': 'Sans moi', 'supplier_id': self.bocal.id,
                'receiver_id': self.paniers.id,
                'category_id': self.cat_coffee.id,
                'uom_id': self.env.ref('product.product_uom_kgm').id})

    def test_balance_rows_of_own_member(self):
        rows = self.env['kepos.synergy.balance'].sudo(self.user_a).search([])
        self.assertTrue(rows)
        self.assertEqual(rows.mapped('partner_id'), self.bocal)
