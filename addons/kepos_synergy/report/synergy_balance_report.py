# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class ReportSynergyBalance(models.AbstractModel):
    """Values of the yearly "bilan des synergies", for one member or for
    the cooperative (then with the share of each member)."""
    _name = 'report.kepos_synergy.report_synergy_balance'
    _description = 'Yearly balance of the synergies'

    @api.model
    def _check_balance_partner(self, partner):
        """A member prints the balance of its own company only; the
        staff, any member's or the whole cooperative's."""
        if self._kepos_has_role('staff'):
            return
        member = self.env.user.partner_id.commercial_partner_id
        if not partner or partner.commercial_partner_id != member:
            raise AccessError(_(
                'You can only print the balance of the synergies of your '
                'own company.'))

    @api.model
    @kepos_action(role='member', access=None)
    def get_report_values(self, docids, data=None):
        data = data or {}
        year = int(data.get('year'))
        partner = self.env['res.partner'].browse(data.get('partner_id'))
        # The data come from the client: check them, not the wizard.
        self._check_balance_partner(partner)
        domain = [('date', '>=', '%d-01-01' % year),
                  ('date', '<=', '%d-12-31' % year)]
        if partner:
            domain.append(('partner_id', '=', partner.id))
        rows = self.env['kepos.synergy.balance'].search(domain)
        synergies = rows.mapped('synergy_id').sorted('date_start')
        fields = ('money_saved', 'co2e_avoided', 'waste_diverted_kg')
        totals = {f: sum(synergies.mapped(f)) for f in fields}
        shares = {f: sum(rows.mapped(f)) for f in fields}
        by_member = []
        if not partner:
            for member in rows.mapped('partner_id').sorted('name'):
                mine = rows.filtered(lambda r: r.partner_id == member)
                line = {f: sum(mine.mapped(f)) for f in fields}
                line.update(member=member,
                            count=len(mine.mapped('synergy_id')))
                by_member.append(line)
        return {
            'doc_ids': docids,
            'doc_model': 'kepos.synergy.balance.wizard',
            'docs': self.env['kepos.synergy.balance.wizard'].browse(docids),
            'year': year,
            'partner': partner,
            'company': self.env.ref('base.main_company'),
            'synergies': synergies,
            'totals': totals,
            'shares': shares,
            'by_member': by_member,
        }
