# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from .barter_ledger import AMOUNT_DIGITS, LEDGER_CHECK_SQL


class KeposBarterAccount(models.Model):
    """A member's mutual-credit account: 1 unit = 1 €, starts at 0.

    The balance is a stored figure so that limits can be checked under a row
    lock; it is only changed by `kepos.barter.transfer.action_done` in the
    transaction that books the transfer, and a deferred database trigger
    (see `init`) refuses any commit where it differs
    from the sum of the done transfers."""
    _name = 'kepos.barter.account'
    _description = 'Barter account'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'partner_id'
    _rec_name = 'partner_id'

    # The staff open and set up the accounts; the balance, the state and the
    # opening date are the server's (transfers and the buttons).
    _kepos_client_fields = {
        'partner_id': 'staff',
        'credit_limit': 'staff',
        'upper_limit': 'staff',
        'accepts_barter': 'staff',
        'offer_description': 'staff',
    }

    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, ondelete='restrict',
        index=True, readonly=True, states={'draft': [('readonly', False)]},
        domain=[('is_company', '=', True)], track_visibility='onchange')
    state = fields.Selection(
        [('draft', 'Draft'),
         ('active', 'Active'),
         ('suspended', 'Suspended'),
         ('closed', 'Closed')],
        default='draft', required=True, readonly=True, copy=False,
        track_visibility='onchange')
    balance = fields.Float(
        digits=AMOUNT_DIGITS, readonly=True, copy=False, default=0.0,
        required=True,
        help='Units held: positive after sales, negative after purchases. '
             '1 unit = 1 €.')
    credit_limit = fields.Float(
        digits=AMOUNT_DIGITS, default=2000.0, required=True,
        track_visibility='onchange',
        help='How far below zero the balance may go.')
    upper_limit = fields.Float(
        digits=AMOUNT_DIGITS, default=0.0, track_visibility='onchange',
        help='How far above zero the balance may go, so that units keep '
             'circulating. 0 means no upper limit.')
    accepts_barter = fields.Boolean(
        default=True, track_visibility='onchange',
        help='Shown in the directory of participants: whether the member '
             'currently accepts to be paid in units.')
    offer_description = fields.Text(
        string='What we offer',
        help='Public: shown to all participants in the directory.')
    opening_date = fields.Date(readonly=True, copy=False)
    transfer_count = fields.Integer(compute='_compute_transfer_count')

    _sql_constraints = [
        ('partner_unique', 'unique(partner_id)',
         'A member has only one barter account.'),
        ('credit_limit_positive', 'CHECK(credit_limit >= 0)',
         'The credit limit cannot be negative.'),
        ('upper_limit_positive', 'CHECK(upper_limit >= 0)',
         'The upper limit cannot be negative.'),
    ]

    @api.model_cr
    def init(self):
        # Both tables exist here: transfers are loaded before accounts.
        self.env.cr.execute(LEDGER_CHECK_SQL)

    def _compute_transfer_count(self):
        transfers = self.env['kepos.barter.transfer']
        for account in self:
            account.transfer_count = transfers.search_count([
                '|', ('payer_account_id', '=', account.id),
                ('payee_account_id', '=', account.id)])

    @api.constrains('credit_limit', 'upper_limit')
    def _check_limits(self):
        # Lowering a limit below the current balance would leave the account
        # outside its own rules; the member must first trade back.
        for account in self:
            if account.balance < -account.credit_limit:
                raise ValidationError(_(
                    'The credit limit of %s cannot be lower than its current '
                    'debit (%.2f).') % (account.display_name, -account.balance))
            if account.upper_limit and account.balance > account.upper_limit:
                raise ValidationError(_(
                    'The upper limit of %s cannot be lower than its current '
                    'balance (%.2f).') % (account.display_name,
                                          account.balance))

    @api.model
    def create(self, vals):
        self._check_no_balance(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_no_balance(vals)
        if 'partner_id' in vals and any(
                account.state != 'draft' for account in self):
            raise UserError(_('The member of a barter account can only be '
                              'changed while the account is a draft.'))
        return super().write(vals)

    @api.model
    def _check_no_balance(self, vals):
        # Even for the superuser: only a booked transfer moves a balance (in
        # SQL, under its row lock); the ledger's trigger would refuse the
        # commit anyway, but as a crash rather than an explanation.
        if vals.get('balance'):
            raise UserError(_(
                'The balance of a barter account is the sum of its done '
                'transfers: it changes only by booking a transfer.'))

    @api.multi
    @kepos_action(role='staff', states=['draft', 'suspended'])
    def action_open(self):
        for account in self:
            values = {'state': 'active'}
            if not account.opening_date:
                values['opening_date'] = fields.Date.context_today(account)
            account._kepos_server_write(values)
            # Members keeping their books here settle invoices by
            # compensation in their own company: give it a Barter journal.
            self.env['res.company'].sudo().search([
                ('partner_id', '=', account.partner_id.id),
            ])._kepos_barter_journal()
        return True

    @api.multi
    @kepos_action(role='staff', states=['active'])
    def action_suspend(self):
        return self._kepos_server_write({'state': 'suspended'})

    @api.multi
    @kepos_action(role='staff', states=['active', 'suspended'])
    def action_close(self):
        # Under the row lock the decorator took, which booking a transfer
        # also takes: the balance read here is the last one.
        self.invalidate_cache(['balance'], self.ids)
        for account in self:
            if account.balance:
                raise UserError(_(
                    'The account of %s still holds %.2f units: it can only be '
                    'closed at zero.') % (account.display_name,
                                          account.balance))
        return self._kepos_server_write({'state': 'closed'})

    @api.multi
    def unlink(self):
        if any(account.state != 'draft' for account in self):
            raise UserError(_('Only a draft barter account can be deleted; '
                              'close it instead.'))
        return super().unlink()

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_transfers(self):
        self.ensure_one()
        action = self.env.ref(
            'kepos_synergy.action_kepos_barter_transfer').read()[0]
        action['domain'] = ['|', ('payer_account_id', '=', self.id),
                            ('payee_account_id', '=', self.id)]
        return action

    @api.model
    def _for_partner(self, partner):
        """The account of a member, found as superuser but returned with the
        caller's rights: a member paying another gets the payee's account to
        refer to it, and reading its figures still needs the right to (a
        member reads its own account only)."""
        return self.browse(self.sudo().search(
            [('partner_id', '=', partner.commercial_partner_id.id)],
            limit=1).ids)
