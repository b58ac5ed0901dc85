# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round


class KeposTenderBidLot(models.Model):
    """The consortium's price for one lot of the tender: the amount that
    the members' shares split exactly, to the cent."""
    _name = 'kepos.tender.bid.lot'
    _description = 'Lot answered by a bid'
    _order = 'bid_id, lot_number, id'
    _kepos_client_fields = {'bid_id': 'staff:create', 'lot_id': 'staff',
                            'amount': 'staff'}

    bid_id = fields.Many2one(
        'kepos.tender.bid', string='Bid', required=True, ondelete='cascade',
        index=True)
    lot_id = fields.Many2one(
        'kepos.tender.lot', string='Lot', required=True, ondelete='restrict')
    lot_number = fields.Integer(related='lot_id.number', store=True,
                                readonly=True)
    amount = fields.Monetary(string='Bid amount (excl. tax)', required=True)
    currency_id = fields.Many2one(related='bid_id.currency_id', readonly=True)
    share_ids = fields.One2many(
        'kepos.tender.share', 'bid_lot_id', string='Shares')

    _sql_constraints = [
        ('lot_uniq', 'unique(bid_id, lot_id)',
         'A lot is answered only once in a bid.'),
        ('amount_positive', 'CHECK(amount > 0)',
         'The amount of a lot must be positive.'),
    ]

    def name_get(self):
        return [(bl.id, bl.lot_id.display_name) for bl in self]

    @api.constrains('lot_id', 'bid_id')
    def _check_lot_of_tender(self):
        for bid_lot in self:
            if bid_lot.lot_id.lead_id != bid_lot.bid_id.lead_id:
                raise ValidationError(_(
                    'The lot %s is not a lot of this tender.')
                    % bid_lot.lot_id.display_name)

    def _amount_cents(self):
        self.ensure_one()
        return int(float_round(self.amount * 100, precision_digits=0))

    def _check_shares_sum(self):
        """Shares, once entered, must cover the lot exactly."""
        for bid_lot in self.filtered('share_ids'):
            total = bid_lot._amount_cents()
            exact = sum(bid_lot.share_ids.mapped(lambda s: s._exact_cents()))
            # Percentages are entered with two decimals: allow what they
            # cannot express (100/3 %), never a missing cent of a fixed part.
            if abs(exact - total) >= 0.5:
                raise ValidationError(_(
                    'The shares of %s add up to %.2f instead of %.2f.') % (
                        bid_lot.display_name, exact / 100.0, total / 100.0))

    def _allocate_cents(self):
        """Largest remainder: floor every share, then give the missing
        cents to the largest fractional parts (ties: first share).

        Returns the cents of each share, keyed by share record."""
        self.ensure_one()
        shares = list(self.share_ids)
        exact = [s._exact_cents() for s in shares]
        cents = [int(value) for value in exact]
        missing = self._amount_cents() - sum(cents)
        ranked = sorted(range(len(shares)),
                        key=lambda i: (-(exact[i] - cents[i]), i))
        for i in ranked[:max(missing, 0)]:
            cents[i] += 1
        return dict(zip(shares, cents))
