# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action


class ReportSupportYearly(models.AbstractModel):
    """Values of the yearly "rapport d'accompagnement" of a member. Reads
    with the printing user's rights: a member prints only its own."""
    _name = 'report.kepos_incubator.report_support_yearly'
    _description = 'Yearly support report'

    @api.model
    @kepos_action(role='member', access=None)
    def get_report_values(self, docids, data=None):
        year = (data or {}).get('year') or fields.Date.from_string(
            fields.Date.context_today(self)).year
        partners = self.env['res.partner'].browse(docids)
        self.env['kepos.support.yearly.wizard']._check_partner(partners)
        Request = self.env['kepos.support.request']
        Application = self.env['kepos.funding.application']
        kinds = dict(Request._fields['kind']._description_selection(self.env))
        lines = {}
        for partner in partners:
            requests = Request.search([
                ('partner_id', '=', partner.id), ('year', '=', year),
                ('state', '!=', 'declined')])
            applications = Application.search([
                ('partner_id', '=', partner.id), ('year', '=', year)])
            by_kind = {}
            for request in requests:
                count, hours = by_kind.get(request.kind, (0, 0.0))
                by_kind[request.kind] = (count + 1, hours + request.hours)
            lines[partner.id] = {
                'requests': requests,
                'by_kind': [(kinds[k], c, h) for k, (c, h) in sorted(by_kind.items())],
                'hours': sum(requests.mapped('hours')),
                'applications': applications,
                'amount_obtained': sum(applications.filtered(
                    lambda a: a.state == 'granted').mapped('amount_obtained')),
            }
        return {
            'doc_ids': docids,
            'doc_model': 'res.partner',
            'docs': partners,
            'year': year,
            'lines': lines,
            'kinds': kinds,
        }
