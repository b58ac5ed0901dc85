# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class TenderCase(SavepointCase):
    """A tender of two lots answered by Le Bocal (lead, own books), Vélo
    Cargo (own books) and Graine de Lorraine (no books in the system)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.user_a = ref('kepos_membership.user_member_a')
        cls.user_b = ref('kepos_membership.user_member_b')
        cls.bocal = ref('kepos_membership.member_bocal')
        cls.velocargo = ref('kepos_membership.member_velocargo')
        cls.graine = ref('kepos_membership.member_graine')
        cls.buyer = cls.env['res.partner'].create({
            'name': 'Conseil départemental de Meurthe-et-Moselle',
            'is_company': True, 'customer': True})
        cls.deadline = datetime.now().replace(microsecond=0) + \
            timedelta(days=30)
        cls.lead = cls.env['crm.lead'].create({
            'name': 'Repas des collèges',
            'type': 'opportunity',
            'kepos_is_tender': True,
            'partner_id': cls.buyer.id,
            'kepos_tender_reference': 'CD54-TEST-01',
            'kepos_tender_deadline': fields.Datetime.to_string(cls.deadline),
            'kepos_tender_lot_ids': [
                (0, 0, {'number': 1, 'name': 'Repas',
                        'estimated_amount': 1000}),
                (0, 0, {'number': 2, 'name': 'Livraison',
                        'estimated_amount': 500})],
        })
        lot1, lot2 = cls.lead.kepos_tender_lot_ids
        cls.bid = cls.env['kepos.tender.bid'].create({
            'lead_id': cls.lead.id,
            'consortium_form': 'joint_several',
            'member_ids': [(0, 0, {'partner_id': p.id}) for p in
                           (cls.bocal, cls.velocargo, cls.graine)],
            'bid_lot_ids': [(0, 0, {'lot_id': lot1.id, 'amount': 1000.0}),
                            (0, 0, {'lot_id': lot2.id, 'amount': 500.0})],
        })
        cls.bid.lead_member_id = cls.bocal
        cls.m_bocal, cls.m_velocargo, cls.m_graine = cls.bid.member_ids
        cls.bl1, cls.bl2 = cls.bid.bid_lot_ids

    @classmethod
    def _split(cls, bid, shares):
        """shares: [(bid lot, member, 'percent'|'amount', value)]"""
        bid.write({'share_ids': [(0, 0, {
            'bid_lot_id': bid_lot.id,
            'member_id': member.id,
            'share_type': kind,
            'percent' if kind == 'percent' else 'fixed_amount': value,
        }) for bid_lot, member, kind, value in shares]})

    @classmethod
    def _split_standard(cls):
        cls._split(cls.bid, [
            (cls.bl1, cls.m_graine, 'percent', 60.0),
            (cls.bl1, cls.m_bocal, 'percent', 40.0),
            (cls.bl2, cls.m_velocargo, 'amount', 500.0)])

    def _provide_documents(self, documents):
        documents.write({'file': 'JVBERi0xLjQK', 'file_name': 'piece.pdf'})
