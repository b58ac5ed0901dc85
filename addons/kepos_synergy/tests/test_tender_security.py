# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .tender_common import TenderCase


class TestTenderSecurity(TenderCase):
    """Le Bocal (member_a) is in the consortium; after Vélo Cargo leaves
    it, member_b sees the bid exists but none of its amounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._split(cls.bid, [
            (cls.bl1, cls.m_graine, 'percent', 60.0),
            (cls.bl1, cls.m_bocal, 'percent', 40.0),
            (cls.bl2, cls.m_graine, 'amount', 500.0)])
        cls.bid.write({'member_ids': [(2, cls.m_velocargo.id)]})

    def test_co_contractor_sees_its_bid(self):
        bid = self.bid.sudo(self.user_a)
        self.assertTrue(bid.can_see_amounts)
        self.assertEqual(bid.amount_total, 1500.0)
        self.assertEqual(len(bid.share_ids), 3)
        self.assertEqual(
            sum(bid.share_ids.mapped('amount')), 1500.0)
        self.assertEqual(len(bid.member_ids), 2)
        Share = self.env['kepos.tender.share'].sudo(self.user_a)
        self.assertEqual(Share.search([('bid_id', '=', self.bid.id)]),
                         self.bid.share_ids)

    def test_other_member_does_not_see_amounts(self):
        bid = self.bid.sudo(self.user_b)
        # The bid itself is known to every member...
        self.assertEqual(bid.name, self.bid.name)
        self.assertEqual(bid.lead_member_id, self.bocal)
        # ... but not its prices, split or consortium.
        self.assertFalse(bid.can_see_amounts)
        self.assertEqual(bid.amount_total, 0.0)
        self.assertFalse(bid.share_ids)
        self.assertFalse(bid.bid_lot_ids)
        self.assertFalse(bid.member_ids)
        for model in ('kepos.tender.share', 'kepos.tender.bid.lot',
                      'kepos.tender.member'):
            Model = self.env[model].sudo(self.user_b)
            self.assertFalse(Model.search([('bid_id', '=', self.bid.id)]))
        with self.assertRaises(AccessError):
            self.bid.share_ids[0].sudo(self.user_b).read(['amount'])
        with self.assertRaises(AccessError):
            self.bl1.sudo(self.user_b).read(['amount'])
        Share = self.env['kepos.tender.share'].sudo(self.user_b)
        self.assertFalse(Share.read_group(
            [('bid_id', '=', self.bid.id)], ['partner_id', 'amount'],
            ['partner_id']))

    def test_members_do_not_change_the_split(self):
        with self.assertRaises(AccessError):
            self.bid.share_ids[0].sudo(self.user_a).write({'percent': 50})
        with self.assertRaises(AccessError):
            self.bid.sudo(self.user_a).write({'consortium_form': 'joint'})
        with self.assertRaises(AccessError):
            self.env['kepos.tender.bid'].sudo(self.user_a).create(
                {'lead_id': self.lead.id})
        self.assertEqual(self.bid.consortium_form, 'joint_several')

    def test_member_provides_only_its_own_documents(self):
        self.bid.sudo(self.staff).action_go()
        docs = self.bid.document_ids
        own = docs.filtered(lambda d: d.member_id == self.m_bocal)[:1]
        other = docs.filtered(lambda d: d.member_id == self.m_graine)[:1]
        own.sudo(self.user_a).write({'file': 'JVBERi0xLjQK',
                                     'file_name': 'kbis.pdf'})
        self.assertTrue(own.done)
        with self.assertRaises(AccessError):
            other.sudo(self.user_a).write({'file': 'JVBERi0xLjQK'})
        self.assertFalse(other.done)
        with self.assertRaises(AccessError):
            own.sudo(self.user_b).read(['name'])

    def test_members_read_tenders_not_other_opportunities(self):
        Lead = self.env['crm.lead'].sudo(self.user_b)
        self.assertIn(self.lead, Lead.search([]))
        plain = self.env['crm.lead'].create({'name': 'Vente classique'})
        with self.assertRaises(AccessError):
            plain.sudo(self.user_b).read(['name'])
        with self.assertRaises(AccessError):
            self.lead.sudo(self.user_b).write({'name': 'Changé'})

    def test_forms_open_for_members(self):
        """What the web client reads to show the forms, as each member."""
        self.bid.sudo(self.staff).action_go()
        for user in (self.staff, self.user_a, self.user_b):
            for record, view in (
                    (self.bid, 'kepos_synergy.view_kepos_tender_bid_form'),
                    (self.lead, 'kepos_synergy.view_crm_lead_tender_form')):
                record = record.sudo(user)
                arch = record.fields_view_get(
                    view_id=self.env.ref(view).id, view_type='form')
                self.assertTrue(record.read(list(arch['fields'])))
