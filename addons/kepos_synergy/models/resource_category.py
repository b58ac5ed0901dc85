# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

RESOURCE_KINDS = [
    ('material', 'Material'),
    ('waste', 'By-product or waste'),
    ('energy', 'Energy'),
    ('water', 'Water'),
    ('equipment', 'Equipment and machines'),
    ('space', 'Space'),
    ('skill', 'Skill'),
    ('service', 'Service'),
    ('transport', 'Transport'),
]


class KeposResourceCategory(models.Model):
    _name = 'kepos.resource.category'
    _description = 'Resource category'
    _parent_store = True
    _parent_order = 'name'
    _order = 'parent_left'
    # The staff keep the categories and their matching parameters.
    _kepos_client_fields = {name: 'staff' for name in (
        'name', 'parent_id', 'child_ids', 'kind', 'max_radius_km',
        'co2e_factor', 'uom_id', 'substitute_ids', 'active')}

    name = fields.Char(required=True, translate=True)
    # Not stored: it follows the user's language, like the names.
    complete_name = fields.Char(compute='_compute_complete_name')
    parent_id = fields.Many2one(
        'kepos.resource.category', string='Parent category',
        index=True, ondelete='restrict')
    child_ids = fields.One2many(
        'kepos.resource.category', 'parent_id', string='Sub-categories')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    kind = fields.Selection(RESOURCE_KINDS, required=True, default='material')
    max_radius_km = fields.Float(
        string='Maximum distance (km)', default=30.0, required=True,
        help='Beyond this distance between an offer and a need of this '
             'category, the exchange is not worth its transport.')
    co2e_factor = fields.Float(
        string='CO2e avoided per unit (kg)', digits=(16, 4),
        help='Emissions avoided by re-using one unit of this resource '
             'instead of producing or buying it new (kg CO2e per unit).')
    uom_id = fields.Many2one(
        'product.uom', string='Usual unit',
        help='Default unit of the resources of this category.')
    substitute_ids = fields.Many2many(
        'kepos.resource.category', 'kepos_resource_category_substitute_rel',
        'category_id', 'substitute_id', string='Substitutes',
        help='Categories whose offers can also meet a need of this one.')
    active = fields.Boolean(default=True)

    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = '%s / %s' % (
                    category.parent_id.complete_name, category.name)
            else:
                category.complete_name = category.name

    @api.multi
    def name_get(self):
        return [(c.id, c.complete_name or c.name) for c in self]

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_('A category cannot be its own parent.'))

    @api.constrains('max_radius_km', 'co2e_factor')
    def _check_positive(self):
        for category in self:
            if category.max_radius_km <= 0:
                raise ValidationError(_(
                    'The maximum distance of a category must be positive.'))
            if category.co2e_factor < 0:
                raise ValidationError(_(
                    'The CO2e factor of a category cannot be negative.'))
