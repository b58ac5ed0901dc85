# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action


class ResCompany(models.Model):
    _inherit = 'res.company'

    # Made by kepos_create_member_company; never switched afterwards.
    _kepos_client_fields = {'kepos_member_company': 'manager:create'}

    kepos_member_company = fields.Boolean(
        string='Member company books',
        help='This company holds the books of a member company of the '
             'cooperative inside the shared system.',
    )

    @api.multi
    @kepos_action(role='manager')
    def kepos_install_chart(self):
        """Load the French chart of accounts on companies that have none.

        Odoo only loads a chart for the current user's company; member
        companies are created by the cooperative's staff, so the wizard is
        driven explicitly for each of them.
        """
        template = self.env.ref('l10n_fr.l10n_fr_pcg_chart_template')
        for company in self.filtered(lambda c: not c.chart_template_id):
            if company.currency_id != template.currency_id:
                raise UserError(_(
                    'The company %s must use the currency %s to receive the '
                    'French chart of accounts.') % (
                        company.name, template.currency_id.name))
            wizard = self.env['wizard.multi.charts.accounts'].create({
                'company_id': company.id,
                'chart_template_id': template.id,
                'code_digits': template.code_digits,
                'transfer_account_id': template.transfer_account_id.id,
                'currency_id': template.currency_id.id,
                'bank_account_code_prefix': template.bank_account_code_prefix,
                'cash_account_code_prefix': template.cash_account_code_prefix,
            })
            wizard.onchange_chart_template_id()
            wizard.execute()
        return True

    @api.model
    @kepos_action(role='staff', access=None)
    def kepos_create_member_company(self, partner):
        """Give a member company its own books: a child company of the
        cooperative, sharing the member's partner, with the French chart."""
        if not isinstance(partner, models.BaseModel):
            partner = self.env['res.partner'].browse(partner)
        partner = partner.exists()
        if len(partner) != 1:
            raise UserError(_('Give one existing partner.'))
        # The staff acts on this partner: it must see it before the
        # company is made as superuser.
        partner.check_access_rule('read')
        existing = self.sudo().search([('partner_id', '=', partner.id)])
        if existing:
            raise UserError(_('%s already has its own company.') % partner.name)
        cooperative = self.env.ref('base.main_company')
        company = self.sudo().create({
            'name': partner.name,
            'partner_id': partner.id,
            'parent_id': cooperative.id,
            'currency_id': cooperative.currency_id.id,
            'kepos_member_company': True,
            # Without it, Odoo's placeholder logo would replace the member's image.
            'logo': partner.image,
        })
        company.kepos_install_chart()
        return company
