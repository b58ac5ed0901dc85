# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .tender_common import TenderCase


class TestTenderSplit(TenderCase):

    def test_percentages_rounded_to_cents_sum_to_the_lot(self):
        """Thirds of 10.00: naive rounding gives 9.99, largest remainder
        gives the missing cent to the largest fraction."""
        self.bl1.amount = 10.0
        self._split(self.bid, [
            (self.bl1, self.m_bocal, 'percent', 33.33),
            (self.bl1, self.m_velocargo, 'percent', 33.33),
            (self.bl1, self.m_graine, 'percent', 33.34)])
        shares = self.bl1.share_ids.sorted('id')
        self.assertEqual(shares.mapped('amount_cents'), [333, 333, 334])
        self.assertEqual(sum(shares.mapped('amount_cents')), 1000)

    def test_odd_amount_split_is_exact(self):
        self.bl1.amount = 118450.55
        self._split(self.bid, [
            (self.bl1, self.m_graine, 'percent', 66.67),
            (self.bl1, self.m_bocal, 'percent', 33.33)])
        cents = self.bl1.share_ids.sorted('id').mapped('amount_cents')
        self.assertEqual(cents, [7897098, 3947957])
        self.assertEqual(sum(cents), 11845055)

    def test_percent_and_amount_mixed(self):
        self._split(self.bid, [
            (self.bl1, self.m_graine, 'amount', 250.0),
            (self.bl1, self.m_bocal, 'percent', 75.0)])
        self.assertEqual(
            self.bl1.share_ids.sorted('id').mapped('amount'), [250.0, 750.0])
        self.assertEqual(self.m_bocal.amount_total, 750.0)

    def test_split_must_add_up(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._split(self.bid, [
                (self.bl1, self.m_graine, 'percent', 60.0),
                (self.bl1, self.m_bocal, 'percent', 30.0)])
        self.assertFalse(self.bid.share_ids)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._split(self.bid, [
                (self.bl2, self.m_velocargo, 'amount', 499.99)])
        self.assertFalse(self.bid.share_ids)

    def test_changing_the_lot_amount_breaks_the_split(self):
        self._split_standard()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.bid.write({'bid_lot_ids': [(1, self.bl2.id,
                                             {'amount': 600.0})]})
        self.assertEqual(self.bl2.amount, 500.0)
        # Percent shares follow the amount of their lot.
        self.bid.write({'bid_lot_ids': [(1, self.bl1.id, {'amount': 2000})]})
        self.assertEqual(
            self.bl1.share_ids.sorted('id').mapped('amount'), [1200.0, 800.0])

    def test_duplicate_member_on_a_lot(self):
        with self.assertRaises(IntegrityError), \
                mute_logger('odoo.sql_db'), self.cr.savepoint():
            self._split(self.bid, [
                (self.bl1, self.m_graine, 'percent', 50.0),
                (self.bl1, self.m_graine, 'percent', 50.0)])
        self.assertFalse(self.bid.share_ids)

    def test_share_of_a_member_outside_the_consortium(self):
        other = self.bid.copy({'lead_id': self.env['crm.lead'].create({
            'name': 'Autre marché', 'kepos_is_tender': True}).id})
        stranger = self.env['kepos.tender.member'].create({
            'bid_id': other.id, 'partner_id': self.graine.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._split(self.bid, [(self.bl1, stranger, 'percent', 100.0)])
        self.assertFalse(self.bid.share_ids)

    def test_lead_must_be_in_the_consortium(self):
        recyclerie = self.env.ref('kepos_membership.member_recyclerie')
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.bid.lead_member_id = recyclerie
        self.assertEqual(self.bid.lead_member_id, self.bocal)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.bid.write({'member_ids': [(2, self.m_bocal.id)]})
        self.assertIn(self.m_bocal, self.bid.member_ids)

    def test_split_report_in_french(self):
        self._split_standard()
        report = self.env.ref('kepos_synergy.action_report_tender_split')
        # As printed from the web client, in the user's language.
        html = report.sudo(self.staff).with_context(
            lang=self.staff.lang).render_qweb_pdf(self.bid.ids)[0]
        html = html.decode()
        self.assertIn('Répartition des prestations', html)
        self.assertIn('Solidaire', html)
        self.assertIn('Graine de Lorraine Traiteur', html)
        self.assertIn('600,00', html)
        self.assertIn('60,00', html)
