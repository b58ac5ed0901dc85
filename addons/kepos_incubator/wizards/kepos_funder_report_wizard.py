# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposFunderReportWizard(models.TransientModel):
    """Choose a funder and a period, then print what its money did."""
    _name = 'kepos.funder.report.wizard'
    _description = 'Funder report'

    # The report shows the grants: the team's.
    _kepos_client_fields = {
        'funder_id': 'staff', 'date_from': 'staff', 'date_to': 'staff'}

    funder_id = fields.Many2one('res.partner', string='Funder', required=True)
    date_from = fields.Date(string='From', required=True)
    date_to = fields.Date(string='To', required=True)

    @api.constrains('date_from', 'date_to')
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(_('The period ends before it starts.'))

    def _grants(self):
        """The funder's grants decided or asked within the period."""
        self.ensure_one()
        return self.env['kepos.grant'].search([
            ('funder_id', '=', self.funder_id.id),
            ('state', '!=', 'refused'),
            '|', '&', ('grant_date', '>=', self.date_from),
                      ('grant_date', '<=', self.date_to),
                 '&', ('grant_date', '=', False),
                 '&', ('request_date', '>=', self.date_from),
                      ('request_date', '<=', self.date_to),
        ], order='request_date, id')

    def _financed_projects(self, grants):
        """What each grant finances, at its most precise: the project, else
        all the projects of the cohort, else those of the programme."""
        projects = self.env['kepos.incubation']
        for grant in grants:
            projects |= (grant.incubation_id
                         or grant.cohort_id.incubation_ids
                         or grant.programme_id.incubation_ids)
        return projects.sorted(lambda p: (p.programme_id.name or '',
                                          p.name))

    def _report_values(self):
        self.ensure_one()
        grants = self._grants()
        projects = self._financed_projects(grants)
        period = [('date', '>=', self.date_from),
                  ('date', '<=', self.date_to),
                  ('incubation_id', 'in', projects.ids)]
        report = self.env['kepos.impact.report']
        figures = report._indicators(period)
        figures['need_count'] = self.env['kepos.territorial.need'].search_count([
            ('incubation_ids', 'in', projects.ids),
            ('date', '>=', self.date_from), ('date', '<=', self.date_to)])
        # People and studies are counted once per financed project, not
        # per period: a project financed now was often studied earlier.
        figures['studied_count'] = len(projects.filtered('score_ids'))
        figures['persons_count'] = len(projects.mapped('entrepreneur_ids'))
        figures['actors_count'] = len(projects.mapped('actor_ids'))
        hours = {
            row['incubation_id'][0]: row['coaching_hours']
            for row in report.read_group(
                period + [('fact', '=', 'coaching')],
                ['incubation_id', 'coaching_hours'], ['incubation_id'])}
        launched = projects.filtered(lambda p: p.stage_id.kind == 'launched')
        received = sum(grants.mapped('amount_received'))
        return {
            'grants': grants,
            'projects': projects,
            'hours': hours,
            'figures': figures,
            'amount_granted': sum(grants.mapped('amount_granted')),
            'amount_received': received,
            'per_launched': received / len(launched) if launched else 0.0,
            'currency': self.env.user.company_id.currency_id,
            'legal_forms': dict(
                projects._fields['legal_form']._description_selection(
                    self.env)),
        }

    @api.multi
    @kepos_action(role='staff', access='read')
    def action_print(self):
        self.ensure_one()
        if not self._grants():
            raise UserError(_(
                '%s has no grant asked or decided in this period.')
                % self.funder_id.name)
        return self.env.ref(
            'kepos_incubator.action_report_funder').report_action(self)
