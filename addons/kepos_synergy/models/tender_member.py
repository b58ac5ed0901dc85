# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposTenderMember(models.Model):
    """A member company in the consortium of a bid."""
    _name = 'kepos.tender.member'
    _description = 'Consortium member'
    _order = 'bid_id, is_lead desc, id'
    _rec_name = 'partner_id'
    _kepos_client_fields = {'bid_id': 'staff:create', 'partner_id': 'staff',
                            'role': 'staff'}

    bid_id = fields.Many2one(
        'kepos.tender.bid', string='Bid', required=True, ondelete='cascade',
        index=True)
    partner_id = fields.Many2one(
        'res.partner', string='Member company', required=True, index=True,
        ondelete='restrict', domain=[('is_company', '=', True)])
    is_lead = fields.Boolean(
        string='Lead member', compute='_compute_is_lead', store=True)
    role = fields.Char(
        string='Role', help='What the member does in the contract.')
    share_ids = fields.One2many(
        'kepos.tender.share', 'member_id', string='Shares')
    lot_ids = fields.Many2many(
        'kepos.tender.lot', string='Lots', compute='_compute_lot_ids')
    document_ids = fields.One2many(
        'kepos.tender.document', 'member_id', string='Documents owed')
    currency_id = fields.Many2one(related='bid_id.currency_id', readonly=True)
    amount_total = fields.Monetary(
        string='Part (excl. tax)', compute='_compute_amount_total')
    analytic_account_id = fields.Many2one(
        'account.analytic.account', string='Analytic account', readonly=True,
        copy=False)

    _sql_constraints = [
        ('partner_uniq', 'unique(bid_id, partner_id)',
         'A member appears only once in a consortium.'),
    ]

    @api.constrains('partner_id')
    def _check_kepos_member(self):
        """A consortium of the cooperative is made of its members: the lead
        (mandataire) and every co-contractor hold shares."""
        for member in self:
            partner = member.partner_id.commercial_partner_id
            if partner.sudo().kepos_member_state != 'member':
                raise ValidationError(_(
                    '%s is not a member of the cooperative: it cannot be in '
                    'the consortium of a bid.') % member.partner_id.name)

    @api.depends('bid_id.lead_member_id', 'partner_id')
    def _compute_is_lead(self):
        for member in self:
            member.is_lead = member.partner_id == member.bid_id.lead_member_id

    @api.depends('share_ids.bid_lot_id')
    def _compute_lot_ids(self):
        for member in self:
            member.lot_ids = member.share_ids.mapped('bid_lot_id.lot_id')

    @api.depends('share_ids.amount')
    def _compute_amount_total(self):
        for member in self:
            member.amount_total = sum(member.share_ids.mapped('amount'))

    def _invoicing_company(self):
        """The member's own books when it keeps them in the shared system,
        else the cooperative's, which then invoices under mandate."""
        self.ensure_one()
        return self.partner_id.kepos_own_company_id or \
            self.env.ref('base.main_company')

    def _share_lines(self):
        """This member's invoice lines: one per lot share."""
        self.ensure_one()
        return [(share.bid_lot_id.lot_id.display_name, share.amount,
                 self.analytic_account_id)
                for share in self.share_ids if share.amount]
