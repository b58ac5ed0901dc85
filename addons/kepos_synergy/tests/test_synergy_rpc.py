# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a member can send through call_kw on the cooperation models: each
refusal leaves the records as they were."""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

# Context keys a client may send; none of them may unlock anything.
FORGED = {'kepos_server_write': True, 'kepos_transition': True}


class TestSynergyRpc(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.user_a = ref('kepos_membership.user_member_a')
        cls.user_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_membership.member_bocal')
        cls.velocargo = ref('kepos_membership.member_velocargo')
        cls.paniers = ref('kepos_membership.member_paniers')
        cls.coffee = ref('kepos_synergy.category_coffee')
        cls.kg = ref('product.product_uom_kgm')

    def _synergy(self, user, supplier, receiver, **values):
        vals = {'name': 'Marc de café', 'supplier_id': supplier.id,
                'receiver_id': receiver.id, 'category_id': self.coffee.id,
                'quantity': 10, 'uom_id': self.kg.id}
        vals.update(values)
        return self.env['kepos.synergy'].sudo(user).create(vals)

    def _resource(self, user, direction, partner=None):
        vals = {'name': 'Marc de café', 'direction': direction,
                'category_id': self.coffee.id, 'quantity': 30,
                'uom_id': self.kg.id}
        if partner:
            vals['partner_id'] = partner.id
        return self.env['kepos.resource'].sudo(user).create(vals)

    def test_synergy_agreed_by_each_party(self):
        synergy = self._synergy(self.user_a, self.bocal, self.velocargo)
        mine = synergy.sudo(self.user_a)
        mine.action_agree()
        self.assertEqual(synergy.state, 'proposed')
        self.assertEqual(synergy.agreed_partner_ids, self.bocal)
        # No step further without the other party, whatever is sent.
        for method in ('action_contract', 'action_start', 'action_close'):
            with self.assertRaises(UserError):
                getattr(mine, method)()
        for context in (FORGED, {}):
            with self.assertRaises(AccessError):
                mine.with_context(**context).write({'state': 'closed'})
            with self.assertRaises(AccessError):
                mine.with_context(**context).write(
                    {'agreed_partner_ids': [(4, self.velocargo.id)]})
        self.assertEqual(synergy.state, 'proposed')
        self.assertEqual(synergy.agreed_partner_ids, self.bocal)
        # The other party agrees itself: the synergy is agreed.
        synergy.sudo(self.user_b).action_agree()
        self.assertEqual(synergy.state, 'agreed')
        # Either party (or the staff) runs it from there.
        mine.action_contract()
        synergy.sudo(self.user_b).action_start()
        mine.action_close()
        self.assertEqual(synergy.state, 'closed')

    def test_terms_change_withdraws_consent(self):
        synergy = self._synergy(self.user_a, self.bocal, self.velocargo)
        synergy.sudo(self.user_a).action_agree()
        synergy.sudo(self.user_b).write({'quantity': 50})
        self.assertFalse(synergy.agreed_partner_ids)
        synergy.sudo(self.user_b).action_agree()
        synergy.sudo(self.user_a).action_agree()
        self.assertEqual(synergy.state, 'agreed')
        with self.assertRaises(UserError):
            synergy.sudo(self.user_b).write({'quantity': 1})
        self.assertEqual(synergy.quantity, 50)

    def test_parties_frozen_after_create(self):
        synergy = self._synergy(self.user_a, self.bocal, self.velocargo)
        mine = synergy.sudo(self.user_a)
        for vals in ({'party_ids': [(6, 0, self.bocal.ids)]},
                     {'party_ids': [(4, self.paniers.id)]},
                     {'supplier_id': self.paniers.id},
                     {'receiver_id': self.paniers.id}):
            with self.assertRaises(AccessError):
                mine.write(vals)
            with self.assertRaises(AccessError):
                synergy.sudo(self.staff).write(vals)
        self.assertEqual(synergy.party_ids, self.bocal | self.velocargo)
        self.assertEqual(synergy.receiver_id, self.velocargo)
        # At create, a member is one of the parties.
        with self.assertRaises(AccessError):
            self._synergy(self.user_b, self.bocal, self.paniers)

    def test_staff_record_consent_outsider_cannot(self):
        synergy = self._synergy(self.staff, self.bocal, self.paniers)
        with self.assertRaises(AccessError):
            synergy.sudo(self.user_b).action_agree()
        with self.assertRaises(AccessError):
            synergy.sudo(self.user_b).action_cancel()
        self.assertEqual(synergy.state, 'proposed')
        self.assertFalse(synergy.agreed_partner_ids)
        synergy.sudo(self.user_a).action_agree()
        self.assertEqual(synergy.state, 'proposed')
        synergy.sudo(self.staff).action_agree()
        self.assertEqual(synergy.state, 'agreed')
        self.assertEqual(synergy.agreed_partner_ids, self.bocal | self.paniers)
        # The chatter says who recorded it, for whom.
        self.assertTrue(synergy.message_ids.filtered(
            lambda m: m.author_id == self.staff.partner_id and m.body))

    def test_resource_state_by_its_owner(self):
        resource = self._resource(self.user_b, 'need')
        theirs = resource.sudo(self.user_a)
        for method in ('action_publish', 'action_close', 'action_draft'):
            with self.assertRaises(AccessError):
                getattr(theirs, method)()
        for context in (FORGED, {}):
            with self.assertRaises(AccessError):
                resource.sudo(self.user_b).with_context(**context).write(
                    {'state': 'published'})
            with self.assertRaises(AccessError):
                resource.sudo(self.staff).with_context(**context).write(
                    {'state': 'published'})
        self.assertEqual(resource.state, 'draft')
        resource.sudo(self.user_b).action_publish()
        self.assertEqual(resource.state, 'published')
        with self.assertRaises(AccessError):
            resource.sudo(self.user_b).write({'partner_id': self.bocal.id})
        resource.sudo(self.staff).action_close()
        self.assertEqual(resource.state, 'closed')

    def test_match_state_by_its_members(self):
        offer = self._resource(self.staff, 'offer', partner=self.paniers)
        offer.sudo(self.staff).action_publish()
        need = self._resource(self.user_b, 'need')
        need.sudo(self.user_b).action_publish()
        match = self.env['kepos.match'].search(
            [('need_id', '=', need.id), ('offer_id', '=', offer.id)])
        self.assertTrue(match)
        # member_a has neither the need nor the offer.
        for method in ('action_dismiss', 'action_create_synergy'):
            with self.assertRaises(AccessError):
                getattr(match.sudo(self.user_a), method)()
        with self.assertRaises(AccessError):
            match.sudo(self.user_b).with_context(**FORGED).write(
                {'state': 'dismissed'})
        with self.assertRaises(AccessError):
            match.sudo(self.user_b).write({'synergy_id': False, 'score': 99})
        self.assertEqual(match.state, 'new')
        match.sudo(self.user_b).action_dismiss()
        with self.assertRaises(UserError):
            match.sudo(self.user_b).action_create_synergy()
        self.assertEqual(match.state, 'dismissed')
        self.assertFalse(match.synergy_id)

    def test_balance_printed_for_own_company(self):
        Wizard = self.env['kepos.synergy.balance.wizard'].sudo(self.user_a)
        for partner in (self.velocargo, self.env['res.partner']):
            wizard = Wizard.create({'year': 2026, 'partner_id': partner.id})
            with self.assertRaises(AccessError):
                wizard.action_print()
        report = self.env['report.kepos_synergy.report_synergy_balance']
        with self.assertRaises(AccessError):
            report.sudo(self.user_a).get_report_values(
                [], data={'year': 2026, 'partner_id': False})
        wizard = Wizard.create({'year': 2026, 'partner_id': self.bocal.id})
        self.assertEqual(wizard.action_print()['data']['partner_id'],
                         self.bocal.id)

    def test_joint_offer_steps_for_staff(self):
        offer = self.env.ref('kepos_synergy.joint_offer_web')
        with self.assertRaises(AccessError):
            offer.sudo(self.user_a).action_publish()
        with self.assertRaises(AccessError):
            offer.sudo(self.staff).with_context(**FORGED).write(
                {'state': 'published'})
        self.assertEqual(offer.state, 'draft')
        offer.sudo(self.staff).action_publish()
        self.assertEqual(offer.state, 'published')
