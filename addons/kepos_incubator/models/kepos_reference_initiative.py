# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposReferenceInitiative(models.Model):
    """A similar initiative elsewhere, kept as a benchmark for ideas."""
    _name = 'kepos.reference.initiative'
    _description = 'Reference initiative'
    _order = 'name'

    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'place', 'url', 'lesson', 'incubation_ids')}

    name = fields.Char(required=True)
    place = fields.Char(required=True)
    url = fields.Char(string='Link')
    lesson = fields.Text(string='What it teaches')
    incubation_ids = fields.Many2many(
        'kepos.incubation', 'kepos_incubation_reference_rel',
        'reference_id', 'incubation_id', string='Projects')
