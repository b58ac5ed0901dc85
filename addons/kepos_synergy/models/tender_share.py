# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposTenderShare(models.Model):
    """A member's part of one lot, as a percentage or a fixed amount."""
    _name = 'kepos.tender.share'
    _description = "Member's share of a lot"
    _inherit = ['kepos.workflow.mixin']
    _order = 'bid_id, bid_lot_id, id'
    # The staff split the lots; the state is the bid's.
    _kepos_client_fields = {name: 'staff' for name in (
        'bid_lot_id', 'member_id', 'share_type', 'percent', 'fixed_amount')}
    _kepos_client_fields['bid_id'] = 'staff:create'

    bid_id = fields.Many2one(
        'kepos.tender.bid', string='Bid', required=True, ondelete='cascade',
        index=True)
    bid_lot_id = fields.Many2one(
        'kepos.tender.bid.lot', string='Lot', required=True,
        ondelete='cascade', domain="[('bid_id', '=', bid_id)]")
    member_id = fields.Many2one(
        'kepos.tender.member', string='Member', required=True,
        ondelete='cascade', domain="[('bid_id', '=', bid_id)]")
    partner_id = fields.Many2one(
        related='member_id.partner_id', store=True, readonly=True,
        string='Member company')
    share_type = fields.Selection(
        [('percent', 'Percentage'), ('amount', 'Amount')],
        string='Share in', required=True, default='percent')
    percent = fields.Float(string='Percentage', digits=(5, 2))
    fixed_amount = fields.Monetary(string='Fixed amount')
    currency_id = fields.Many2one(related='bid_id.currency_id', readonly=True)
    amount_cents = fields.Integer(
        string='Amount in cents', compute='_compute_amount', store=True,
        help='Rounded so that the shares of a lot add up to it exactly.')
    amount = fields.Monetary(
        string='Amount (excl. tax)', compute='_compute_amount', store=True)
    state = fields.Selection(related='bid_id.state', store=True,
                             readonly=True)
    deadline = fields.Datetime(related='bid_id.deadline', store=True,
                               readonly=True, string='Tender deadline')

    _sql_constraints = [
        ('member_lot_uniq', 'unique(bid_lot_id, member_id)',
         'A member has only one share of a lot.'),
        ('percent_range', 'CHECK(percent >= 0 AND percent <= 100)',
         'A percentage lies between 0 and 100.'),
        ('fixed_amount_positive', 'CHECK(fixed_amount >= 0)',
         'A fixed amount cannot be negative.'),
    ]

    @api.constrains('bid_id', 'bid_lot_id', 'member_id')
    def _check_same_bid(self):
        for share in self:
            if share.bid_lot_id.bid_id != share.bid_id or \
                    share.member_id.bid_id != share.bid_id:
                raise ValidationError(_(
                    'A share links a lot and a member of the same bid: %s '
                    'is not in the consortium of this bid.')
                    % share.member_id.partner_id.name)

    def _exact_cents(self):
        self.ensure_one()
        if self.share_type == 'percent':
            return self.percent * self.bid_lot_id._amount_cents() / 100.0
        return round(self.fixed_amount * 100)

    @api.depends('share_type', 'percent', 'fixed_amount',
                 'bid_lot_id.amount', 'bid_lot_id.share_ids.percent',
                 'bid_lot_id.share_ids.fixed_amount',
                 'bid_lot_id.share_ids.share_type')
    def _compute_amount(self):
        allocations = {}
        for share in self:
            bid_lot = share.bid_lot_id
            if bid_lot not in allocations:
                allocations[bid_lot] = bid_lot._allocate_cents() \
                    if bid_lot else {}
            cents = allocations[bid_lot].get(share, 0)
            share.amount_cents = cents
            share.amount = cents / 100.0
