# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposImpactMixin(models.AbstractModel):
    """Impact figures of everything a programme or a cohort covers, read
    from the impact report (sudo: members see the results, not the rows)."""
    _name = 'kepos.impact.mixin'
    _description = 'Serre à projets impact figures'
    # The column of kepos.impact.report that points to the record.
    _impact_field = None
    # Computed figures only: nothing a client sets.
    _kepos_client_fields = {}

    launched_count = fields.Integer(compute='_compute_impact',
                                    string='Projects launched')
    jobs_fte = fields.Float(compute='_compute_impact',
                            string='Jobs created (FTE)')
    coaching_hours = fields.Float(compute='_compute_impact',
                                  string='Coaching hours')
    grant_received = fields.Float(
        compute='_compute_impact', string='Grants received',
        groups='kepos_membership.group_kepos_staff')
    grant_per_launched = fields.Float(
        compute='_compute_impact', string='Grant money per launched project',
        groups='kepos_membership.group_kepos_staff')

    def _compute_impact(self):
        # The report is read as superuser only for the records the user
        # may read itself (checked first): totals of a programme or a
        # cohort, never the rows of a project, a grant or a timesheet.
        readable = self.browse()
        if self.check_access_rights('read', raise_exception=False):
            saved = self.filtered(lambda r: isinstance(r.id, int))
            readable = self.with_context(active_test=False).search(
                [('id', 'in', saved.ids)]) if saved else readable
        report = self.env['kepos.impact.report'].sudo()
        for record in self:
            figures = report._indicators(
                [(self._impact_field, '=', record.id)]
            ) if record.id in readable.ids else {}
            for name in ('launched_count', 'jobs_fte', 'coaching_hours',
                         'grant_received', 'grant_per_launched'):
                record[name] = figures.get(name, 0)
