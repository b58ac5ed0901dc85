# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

BARTER_JOURNAL_CODE = 'TROC'
BARTER_CLEARING_CODE = '467100'


class AccountJournal(models.Model):
    _inherit = 'account.journal'

    # Only the server creates a Barter journal (_kepos_barter_journal).
    _kepos_client_fields = {'kepos_barter': 'server'}

    kepos_barter = fields.Boolean(
        string='Barter journal', readonly=True, copy=False,
        help='Payments by compensation only: each entry is the image of a '
             'transfer of barter units.')

    @api.model_cr
    def init(self):
        super().init()
        # Barter journals created before the flag existed.
        self.env.cr.execute(
            "UPDATE account_journal SET kepos_barter = TRUE WHERE code = %s "
            "AND type = 'bank' AND kepos_barter IS NOT TRUE",
            (BARTER_JOURNAL_CODE,))


class ResCompany(models.Model):
    _inherit = 'res.company'

    @api.multi
    def _kepos_barter_journal(self):
        """The Barter journal of each company (created on first use).

        Its account is a clearing account (467100, "other debtors and
        creditors"): an invoice paid by compensation is settled against it,
        so its balance in the company's books mirrors the company's barter
        account (debit = units held, credit = units owed to the network)."""
        journals = self.env['account.journal']
        for company in self:
            journal = journals.sudo().search([
                ('company_id', '=', company.id),
                ('kepos_barter', '=', True)], limit=1)
            if not journal:
                journal = company._kepos_create_barter_journal()
            journals |= journal
        return journals

    def _kepos_create_barter_journal(self):
        self.ensure_one()
        if not self.chart_template_id:
            raise UserError(_('The company %s has no chart of accounts: it '
                              'cannot settle invoices by compensation.')
                            % self.name)
        Account = self.env['account.account'].sudo()
        account = Account.search([('company_id', '=', self.id),
                                  ('code', '=', BARTER_CLEARING_CODE)],
                                 limit=1)
        if not account:
            account = Account.create({
                'company_id': self.id,
                'code': BARTER_CLEARING_CODE,
                'name': _('Barter clearing (mutual credit)'),
                'user_type_id': self.env.ref(
                    'account.data_account_type_current_assets').id,
            })
        return self.env['account.journal'].sudo().create({
            'kepos_barter': True,
            'company_id': self.id,
            'name': _('Barter'),
            'code': BARTER_JOURNAL_CODE,
            'type': 'bank',
            'default_debit_account_id': account.id,
            'default_credit_account_id': account.id,
            # A payment by compensation is cancelled by reversing it.
            'update_posted': True,
            'show_on_dashboard': False,
        })
