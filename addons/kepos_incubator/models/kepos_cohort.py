# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposCohort(models.Model):
    """A "promotion": projects incubated together over the same period."""
    _name = 'kepos.cohort'
    _description = 'Incubation cohort'
    _inherit = ['mail.thread', 'kepos.impact.mixin']
    _impact_field = 'cohort_id'
    _order = 'date_start desc, name'

    # The team runs the cohorts (members read them and their totals).
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'programme_id', 'date_start', 'date_end', 'active')}

    name = fields.Char(required=True, track_visibility='onchange')
    programme_id = fields.Many2one('kepos.programme', required=True,
                                   ondelete='restrict',
                                   track_visibility='onchange')
    date_start = fields.Date(string='Start date', required=True)
    date_end = fields.Date(string='End date')
    active = fields.Boolean(default=True)
    incubation_ids = fields.One2many('kepos.incubation', 'cohort_id',
                                     string='Projects')
    incubation_count = fields.Integer(compute='_compute_incubation_count',
                                      string='Projects')

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for cohort in self:
            if cohort.date_end and cohort.date_end < cohort.date_start:
                raise ValidationError(_(
                    'The cohort "%s" cannot end before it starts.')
                    % cohort.name)

    @api.depends('incubation_ids')
    def _compute_incubation_count(self):
        for record in self:
            record.incubation_count = len(record.incubation_ids)
