# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase


class TestBadInput(SavepointCase):
    """What a JSON-RPC client could send as a member: a state that skips a
    workflow, a negative price, a word for a number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.user_a = ref('kepos_membership.user_member_a')
        cls.user_b = ref('kepos_membership.user_member_b')
        cls.bocal = ref('kepos_membership.member_bocal')
        cls.velocargo = ref('kepos_membership.member_velocargo')
        cls.coffee = ref('kepos_synergy.category_coffee')
        cls.kg = ref('product.product_uom_kgm')

    def _resource(self, user, direction, **values):
        vals = {'name': 'Marc de café', 'direction': direction,
                'category_id': self.coffee.id, 'quantity': 30,
                'uom_id': self.kg.id}
        vals.update(values)
        return self.env['kepos.resource'].sudo(user).create(vals)

    def _assert_state_refused(self, record, states):
        before = record.state
        for state in states:
            with self.assertRaises(AccessError):
                record.write({'state': state})
        self.assertEqual(record.state, before)

    def test_barter_transfer_born_draft(self):
        Transfer = self.env['kepos.barter.transfer'].sudo(self.user_a)
        payee = self.env.ref('kepos_synergy.barter_account_octet')
        account = self.env.ref('kepos_synergy.barter_account_bocal')
        balance = account.balance
        with self.assertRaises((AccessError, UserError)):
            Transfer.create({'payee_account_id': payee.id, 'amount': 10.0,
                             'memo': 'Déjà payé ?', 'state': 'done'})
        self.assertEqual(account.balance, balance)

    def test_resource_state_through_buttons(self):
        with self.assertRaises(AccessError):
            self._resource(self.user_a, 'offer', state='matched')
        resource = self._resource(self.user_a, 'offer')
        self._assert_state_refused(resource, ['published', 'matched', 'closed'])
        resource.action_publish()
        self.assertEqual(resource.state, 'published')
        resource.action_close()
        resource.action_draft()
        self.assertEqual(resource.state, 'draft')

    def test_match_state_through_buttons(self):
        offer = self._resource(self.user_a, 'offer')
        offer.action_publish()
        need = self._resource(self.user_b, 'need')
        need.action_publish()
        match = self.env['kepos.match'].search([
            ('need_id', '=', need.id), ('offer_id', '=', offer.id)])
        self.assertTrue(match)
        mine = match.sudo(self.user_b)
        self._assert_state_refused(mine, ['converted', 'dismissed'])
        mine.action_dismiss()
        self.assertEqual(match.state, 'dismissed')
        mine.action_restore()
        mine.action_create_synergy()
        self.assertEqual(match.state, 'converted')
        self.assertTrue(match.synergy_id)

    def test_synergy_born_proposed(self):
        Synergy = self.env['kepos.synergy'].sudo(self.user_a)
        vals = {'name': 'Palettes', 'supplier_id': self.bocal.id,
                'receiver_id': self.velocargo.id,
                'category_id': self.coffee.id, 'quantity': 5,
                'uom_id': self.kg.id}
        with self.assertRaises(AccessError):
            Synergy.create(dict(vals, state='running'))
        self.assertEqual(Synergy.create(vals).state, 'proposed')

    def test_second_profile_refused_before_the_database(self):
        Profile = self.env['kepos.member.profile'].sudo(self.user_a)
        self.assertTrue(Profile.search([('partner_id', '=', self.bocal.id)]))
        with self.assertRaises(ValidationError):
            Profile.create({})

    def test_wrong_values_refused_before_use(self):
        # create() reads these values before the ORM checks them.
        with self.assertRaises(ValidationError):
            self._resource(self.user_a, 'offer', category_id='abc')
        with self.assertRaises(ValidationError):
            self._resource(self.user_a, 'offer', price_unit=-1.0)
        with self.assertRaises(ValidationError):
            self.env['kepos.barter.transfer'].sudo(self.user_a).create({
                'payee_account_id': self.env.ref(
                    'kepos_synergy.barter_account_octet').id,
                'amount': 'dix', 'memo': 'Pas un nombre'})
        synergy = self.env['kepos.synergy'].sudo(self.user_a).create({
            'name': 'Palettes', 'supplier_id': self.bocal.id,
            'receiver_id': self.velocargo.id, 'category_id': self.coffee.id,
            'quantity': 5, 'uom_id': self.kg.id})
        with self.assertRaises(ValidationError):
            synergy.write({'market_price_unit': -5.0})
        with self.assertRaises(AccessError):  # computed by the ORM only
            synergy.write({'money_saved': 1000000.0})
        with self.assertRaises(ValidationError):
            self.env['kepos.synergy'].sudo(self.user_a).create({
                'name': 'Liste', 'supplier_id': [self.bocal.id],
                'receiver_id': self.velocargo.id})
