# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action


class CrmLead(models.Model):
    """A public tender is followed as an opportunity: the buyer is the
    opportunity's customer, the notice's data live beside it."""
    _inherit = 'crm.lead'
    # The staff enter the tenders; members read them.
    _kepos_client_fields = {name: 'staff' for name in (
        'kepos_is_tender', 'kepos_tender_reference',
        'kepos_tender_publication_date', 'kepos_tender_deadline',
        'kepos_tender_notice_url', 'kepos_tender_lot_ids')}

    kepos_is_tender = fields.Boolean(
        string='Public tender', index=True,
        help='This opportunity is a public tender that members of the '
             'cooperative may answer together.')
    kepos_tender_reference = fields.Char(string='Tender reference')
    kepos_tender_publication_date = fields.Date(string='Publication date')
    kepos_tender_deadline = fields.Datetime(
        string='Submission deadline',
        help='Time limit for submitting the answer, as published.')
    kepos_tender_notice_url = fields.Char(string='Published notice')
    kepos_tender_lot_ids = fields.One2many(
        'kepos.tender.lot', 'lead_id', string='Lots', copy=True)
    kepos_tender_bid_ids = fields.One2many(
        'kepos.tender.bid', 'lead_id', string='Bids')
    kepos_tender_bid_count = fields.Integer(
        compute='_compute_kepos_tender_bid_count', string='Bid count')

    @api.depends('kepos_tender_bid_ids')
    def _compute_kepos_tender_bid_count(self):
        for lead in self:
            lead.kepos_tender_bid_count = len(lead.kepos_tender_bid_ids)

    @api.multi
    @kepos_action(role='member', access='read')
    def action_kepos_open_bid(self):
        """Open the consortium's bid, creating it on first use (the staff
        only: members have no right to create bids)."""
        self.ensure_one()
        bid = self.kepos_tender_bid_ids[:1]
        if not bid:
            bid = self.env['kepos.tender.bid'].create({'lead_id': self.id})
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'kepos.tender.bid',
            'res_id': bid.id,
            'view_mode': 'form',
        }
