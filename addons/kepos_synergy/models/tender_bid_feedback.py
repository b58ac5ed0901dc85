# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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
