# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase


class TestMarketplace(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestMarketplace, cls).setUpClass()
        cls.user_a = cls.env.ref('kepos_membership.user_member_a')
        cls.bocal = cls.env.ref('kepos_membership.member_bocal')

    def test_member_publishes_in_catalogue(self):
        Template = self.env['product.template'].sudo(self.user_a).with_context(
            default_kepos_member_catalogue=True)
        product = Template.create({'name': 'Panier vrac', 'list_price': 25})
        self.assertEqual(product.kepos_seller_id, self.bocal)
        product.write({'list_price': 27})
        octet = self.env.ref('kepos_synergy.product_octet_website')
        self.assertEqual(octet.sudo(self.user_a).name,
                         'Site web sobre (forfait 5 jours)')
        with self.assertRaises(AccessError):
            octet.sudo(self.user_a).write({'list_price': 1})
        with self.assertRaises(ValidationError):
            self.env['product.template'].create({
                'name': 'Sans vendeur', 'kepos_member_catalogue': True})

    def test_joint_offer(self):
        offer = self.env.ref('kepos_synergy.joint_offer_web')
        self.assertAlmostEqual(offer.amount_total, 2490.0)
        offer.action_publish()
        self.assertEqual(offer.state, 'published')
        lonely = self.env['kepos.joint.offer'].create({
            'name': 'Seul', 'part_ids': [(0, 0, {
                'partner_id': self.bocal.id, 'name': 'Paniers',
                'amount': 100})]})
        with self.assertRaises(UserError):
            lonely.action_publish()
        with self.assertRaises(ValidationError):
            lonely.part_ids.amount = -5
        with self.assertRaises(AccessError):
            lonely.sudo(self.user_a).write({'name': 'Modifié'})
