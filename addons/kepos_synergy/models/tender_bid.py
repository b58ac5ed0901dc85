# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposTenderBid(models.Model):
    """The answer of a temporary consortium of members to one tender."""
    _name = 'kepos.tender.bid'
    _description = 'Joint tender bid'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'deadline desc, id desc'
    # The staff run the bids; members of the consortium provide their
    # documents (kepos.tender.document) and read the rest.
    _kepos_client_fields = {name: 'staff' for name in (
        'lead_id', 'consortium_form', 'separate_payment', 'lead_member_id',
        'member_ids', 'bid_lot_ids', 'share_ids', 'document_ids',
        'lost_reason_id', 'buyer_feedback', 'lessons_learned',
        'currency_id')}

    name = fields.Char(
        string='Bid', compute='_compute_name', store=True)
    lead_id = fields.Many2one(
        'crm.lead', string='Tender', required=True, ondelete='restrict',
        index=True, domain=[('kepos_is_tender', '=', True)],
        track_visibility='onchange')
    buyer_id = fields.Many2one(
        related='lead_id.partner_id', string='Buyer', store=True,
        readonly=True)
    reference = fields.Char(
        related='lead_id.kepos_tender_reference', readonly=True)
    deadline = fields.Datetime(
        related='lead_id.kepos_tender_deadline', store=True, readonly=True)
    state = fields.Selection(
        [('draft', 'Draft'),
         ('go', 'Go: being written'),
         ('submitted', 'Submitted'),
         ('won', 'Won'),
         ('lost', 'Lost'),
         ('abandoned', 'Abandoned')],
        string='Status', default='draft', required=True, readonly=True,
        copy=False, index=True, track_visibility='onchange')
    consortium_form = fields.Selection(
        [('joint', 'Joint (each member answers for its own part)'),
         ('joint_several', 'Joint and several (the lead answers for all)')],
        string='Consortium form', required=True, default='joint',
        track_visibility='onchange')
    separate_payment = fields.Boolean(
        string='Separate payment', default=True,
        help='Joint consortium only: the buyer pays each member its own '
             'part, so each member invoices the buyer directly.')
    lead_member_id = fields.Many2one(
        'res.partner', string='Lead member', index=True,
        domain=[('is_company', '=', True)], track_visibility='onchange',
        copy=False,
        help='The mandataire: represents the consortium before the buyer.')
    member_ids = fields.One2many(
        'kepos.tender.member', 'bid_id', string='Consortium')
    bid_lot_ids = fields.One2many(
        'kepos.tender.bid.lot', 'bid_id', string='Lots answered')
    share_ids = fields.One2many(
        'kepos.tender.share', 'bid_id', string='Split')
    document_ids = fields.One2many(
        'kepos.tender.document', 'bid_id', string='Documents')
    decision_date = fields.Datetime(
        string='Decision date', readonly=True, copy=False)
    decision_user_id = fields.Many2one(
        'res.users', string='Decided by', readonly=True, copy=False)
    submitted_date = fields.Datetime(
        string='Submitted on', readonly=True, copy=False)
    project_id = fields.Many2one(
        'project.project', string='Project', readonly=True, copy=False)
    invoice_ids = fields.One2many(
        'account.invoice', 'kepos_tender_bid_id', string='Invoices',
        readonly=True)
    lost_reason_id = fields.Many2one('crm.lost.reason', string='Lost reason')
    # Kept on a record of its own, which only the consortium and the staff
    # read (record rules): a field of the bid is readable by every member.
    buyer_feedback = fields.Text(
        string="Buyer's feedback", compute='_compute_buyer_feedback',
        inverse='_inverse_buyer_feedback')
    lessons_learned = fields.Text(string='Lessons learned')
    previous_bid_ids = fields.Many2many(
        'kepos.tender.bid', compute='_compute_previous_bid_ids',
        string='Previous bids to this buyer',
        help='Earlier decided bids to the same buyer, with their lessons.')
    currency_id = fields.Many2one(
        'res.currency', string='Currency', required=True,
        default=lambda self: self.env.ref('base.EUR'))
    can_see_amounts = fields.Boolean(compute='_compute_can_see_amounts')
    amount_total = fields.Monetary(
        string='Amount (excl. tax)', compute='_compute_amount_total')
    won_rate = fields.Float(
        string='Won rate (%)', compute='_compute_won_rate', store=True,
        group_operator='avg',
        help='100 for a won bid, 0 otherwise: its average over decided '
             'bids is the success rate.')

    _sql_constraints = [
        ('lead_uniq', 'unique(lead_id)',
         'The cooperative answers a tender with a single bid.'),
    ]

    @api.depends('lead_id.name', 'lead_id.kepos_tender_reference')
    def _compute_name(self):
        for bid in self:
            ref = bid.lead_id.kepos_tender_reference
            bid.name = '%s – %s' % (ref, bid.lead_id.name) if ref \
                else bid.lead_id.name

    @api.depends('state')
    def _compute_won_rate(self):
        for bid in self:
            bid.won_rate = 100.0 if bid.state == 'won' else 0.0

    def _compute_can_see_amounts(self):
        # Amounts of a bid are business secrets of its consortium.
        is_staff = self.env.user.has_group(
            'kepos_membership.group_kepos_staff')
        member = self.env.user.partner_id.commercial_partner_id
        for bid in self:
            # Only the answer is read as superuser: whether the user's
            # company is in the consortium of a bid it can read.
            bid.can_see_amounts = is_staff or \
                member in bid.sudo().member_ids.mapped('partner_id')

    @api.depends('bid_lot_ids.amount')
    def _compute_amount_total(self):
        for bid in self:
            if bid.can_see_amounts:  # the check of the sudo() below
                bid.amount_total = sum(bid.sudo().bid_lot_ids.mapped('amount'))

    def _compute_buyer_feedback(self):
        # Read as the user: the record rules hide another consortium's.
        feedbacks = self.env['kepos.tender.bid.feedback'].search(
            [('bid_id', 'in', self.ids)])
        by_bid = {f.bid_id.id: f.buyer_feedback for f in feedbacks}
        for bid in self:
            bid.buyer_feedback = by_bid.get(bid.id, False)

    def _inverse_buyer_feedback(self):
        Feedback = self.env['kepos.tender.bid.feedback']
        for bid in self:
            feedback = Feedback.search([('bid_id', '=', bid.id)])
            if feedback:
                feedback.write({'buyer_feedback': bid.buyer_feedback})
            elif bid.buyer_feedback:
                Feedback.create({'bid_id': bid.id,
                                 'buyer_feedback': bid.buyer_feedback})

    def _compute_previous_bid_ids(self):
        for bid in self:
            if not bid.buyer_id:
                continue
            bid.previous_bid_ids = self.search([
                ('buyer_id', '=', bid.buyer_id.id),
                ('state', 'in', ('won', 'lost')),
                ('id', '!=', bid.id or 0)])

    @api.constrains('lead_member_id', 'member_ids')
    def _check_lead_member(self):
        for bid in self:
            bid.member_ids._check_kepos_member()
            if bid.lead_member_id and bid.lead_member_id not in \
                    bid.member_ids.mapped('partner_id'):
                raise ValidationError(_(
                    'The lead member %s must be a member of the '
                    'consortium.') % bid.lead_member_id.name)

    @api.constrains('bid_lot_ids', 'share_ids')
    def _check_split(self):
        for bid in self:
            bid.bid_lot_ids._check_shares_sum()

    def _check_ready(self):
        """Consortium and split must be complete to decide or submit."""
        for bid in self:
            if not bid.lead_member_id:
                raise UserError(_('Choose the lead member of the consortium.'))
            if not bid.bid_lot_ids:
                raise UserError(_('The bid answers no lot.'))
            unsplit = bid.bid_lot_ids.filtered(lambda l: not l.share_ids)
            if unsplit:
                raise UserError(_('Split the lot %s between the members.')
                                % unsplit[0].lot_id.display_name)
            bid.bid_lot_ids._check_shares_sum()

    @api.multi
    @kepos_action(role='staff', states=['draft'])
    def action_go(self):
        self._check_ready()
        self._kepos_server_write({'state': 'go',
                    'decision_date': fields.Datetime.now(),
                    'decision_user_id': self.env.uid})
        for bid in self:
            bid._create_documents()
            bid._create_project()
        return True

    @api.multi
    @kepos_action(role='staff', states=['go'])
    def action_submit(self):
        self._check_ready()
        now = fields.Datetime.now()
        for bid in self:
            if bid.deadline and now > bid.deadline:
                raise UserError(_(
                    'The submission deadline (%s) has passed.') % bid.deadline)
            missing = bid.document_ids.filtered(
                lambda d: d.mandatory and not d.done)
            if missing:
                raise UserError(_(
                    'Mandatory documents are missing: %s') % ', '.join(
                        '%s (%s)' % (d.name, d.member_id.partner_id.name or
                                     '-') for d in missing))
        self._kepos_server_write({'state': 'submitted', 'submitted_date': now})
        return True

    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_win(self):
        self._check_ready()
        self._kepos_server_write({'state': 'won'})
        for bid in self:
            bid._create_analytic_accounts()
            bid._create_invoices()
            bid._start_delivery()
            bid.lead_id.action_set_won()
        return True

    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_lose(self):
        for bid in self:
            if not bid.lost_reason_id:
                raise UserError(_(
                    'Give the reason why the bid was lost, for the next '
                    'bids.'))
        self._kepos_server_write({'state': 'lost'})
        for bid in self:
            # The opportunity stays active: lessons are kept for next bids.
            bid.lead_id.write({'probability': 0,
                               'lost_reason': bid.lost_reason_id.id})
        return True

    @api.multi
    @kepos_action(role='staff', states=['draft', 'go'])
    def action_abandon(self):
        self._kepos_server_write({'state': 'abandoned',
                    'decision_date': fields.Datetime.now(),
                    'decision_user_id': self.env.uid})
        return True
