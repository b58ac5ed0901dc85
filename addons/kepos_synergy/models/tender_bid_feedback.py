# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposTenderBidFeedback(models.Model):
    """What the buyer said of a bid: for its consortium and the staff only.

    Every member reads the bids themselves (who answers which tender); the
    feedback lives here, behind the record rules of the consortium, so that
    no read, search or export of another consortium's bid shows it. The
    bid's buyer_feedback field reads and writes it."""
    _name = 'kepos.tender.bid.feedback'
    _description = "Buyer's feedback on a tender bid"

    _kepos_client_fields = {'bid_id': 'staff:create',
                            'buyer_feedback': 'staff'}

    bid_id = fields.Many2one(
        'kepos.tender.bid', string='Bid', required=True, ondelete='cascade',
        index=True)
    buyer_feedback = fields.Text(string="Buyer's feedback")

    _sql_constraints = [
        ('bid_uniq', 'unique(bid_id)', 'A bid has one feedback.'),
    ]

    @api.model_cr
    def init(self):
        # Databases from before this model kept the feedback in a column of
        # the bid, which every member could read: move it here, once.
        cr = self.env.cr
        cr.execute("""
            SELECT 1 FROM information_schema.columns
            WHERE table_name = 'kepos_tender_bid'
              AND column_name = 'buyer_feedback'""")
        if not cr.fetchone():
            return
        cr.execute("""
            INSERT INTO kepos_tender_bid_feedback (bid_id, buyer_feedback)
            SELECT b.id, b.buyer_feedback FROM kepos_tender_bid b
            WHERE b.buyer_feedback IS NOT NULL AND b.buyer_feedback != ''
              AND NOT EXISTS (SELECT 1 FROM kepos_tender_bid_feedback f
                              WHERE f.bid_id = b.id)""")
        cr.execute('ALTER TABLE kepos_tender_bid DROP COLUMN buyer_feedback')
