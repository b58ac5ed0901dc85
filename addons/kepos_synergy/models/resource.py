# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from .resource_category import RESOURCE_KINDS

MODALITIES = [
    ('sharing', 'Sharing'),
    ('pooling', 'Pooling'),
    ('reuse', 'Re-use'),
    ('exchange', 'Exchange'),
    ('barter', 'Barter'),
    ('sale', 'Sale'),
    ('donation', 'Donation'),
]
PERIODICITIES = [
    ('once', 'One-off'),
    ('weekly', 'Weekly'),
    ('monthly', 'Monthly'),
    ('yearly', 'Yearly'),
    ('continuous', 'Continuous'),
]
# European waste list codes: "20 01 08", hazardous ones end with "*".
WASTE_CODE_RE = re.compile(r'^\d{2} \d{2} \d{2}\*?$')
# A change of these fields on a published resource changes its matches.
MATCH_FIELDS = {
    'state', 'direction', 'partner_id', 'category_id', 'quantity', 'uom_id',
    'date_start', 'date_end', 'latitude', 'longitude', 'modality',
}


class KeposResource(models.Model):
    _name = 'kepos.resource'
    _description = 'Resource offered or needed by a member'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'write_date desc, id desc'
    # A member publishes for its own company (checked on create), which
    # never changes after; the state moves with the buttons.
    _kepos_client_fields = dict(
        {name: 'member' for name in (
            'name', 'direction', 'category_id', 'product_id', 'description',
            'quantity', 'uom_id', 'periodicity', 'date_start', 'date_end',
            'location', 'latitude', 'longitude', 'modality', 'price_unit',
            'currency_id', 'waste_code', 'co2e_factor', 'image')},
        partner_id='member:create')

    name = fields.Char(required=True, track_visibility='onchange')
    direction = fields.Selection(
        [('offer', 'Offer'), ('need', 'Need')], required=True,
        default='offer', index=True, track_visibility='onchange')
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, index=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id,
        track_visibility='onchange')
    nace_code = fields.Char(
        related='partner_id.kepos_nace_code', string='NACE code',
        readonly=True)
    category_id = fields.Many2one(
        'kepos.resource.category', string='Category', required=True,
        index=True, track_visibility='onchange')
    kind = fields.Selection(
        RESOURCE_KINDS, related='category_id.kind', store=True,
        readonly=True)
    product_id = fields.Many2one('product.product', string='Product')
    description = fields.Text()
    quantity = fields.Float(
        required=True, default=1.0, digits=(16, 3),
        track_visibility='onchange')
    uom_id = fields.Many2one(
        'product.uom', string='Unit', required=True,
        default=lambda self: self.env.ref('product.product_uom_unit'))
    periodicity = fields.Selection(
        PERIODICITIES, required=True, default='once')
    date_start = fields.Date(string='Available from')
    date_end = fields.Date(string='Available until')
    location = fields.Char(
        help='Where the resource is; the member\'s address by default.')
    latitude = fields.Float(digits=(10, 6))
    longitude = fields.Float(digits=(10, 6))
    modality = fields.Selection(
        MODALITIES, required=True, default='exchange',
        track_visibility='onchange')
    price_unit = fields.Monetary(string='Price per unit')
    currency_id = fields.Many2one(
        'res.currency', required=True,
        default=lambda self: self.env.ref('base.EUR'))
    waste_code = fields.Char(
        string='European waste code',
        help='Code of the European list of waste, e.g. 20 01 08 for '
             'biodegradable kitchen waste; a star marks hazardous waste.')
    co2e_factor = fields.Float(
        string='CO2e avoided per unit (kg)', digits=(16, 4),
        help='Taken from the category; override it when you know better.')
    image = fields.Binary(string='Photo', attachment=True)
    state = fields.Selection(
        [('draft', 'Draft'),
         ('published', 'Published'),
         ('matched', 'Matched'),
         ('closed', 'Closed')],
        required=True, default='draft', index=True, readonly=True,
        copy=False, track_visibility='onchange')
    need_match_ids = fields.One2many(
        'kepos.match', 'need_id', string='Matching offers')
    offer_match_ids = fields.One2many(
        'kepos.match', 'offer_id', string='Matching needs')
    match_count = fields.Integer(compute='_compute_match_count')
    is_mine = fields.Boolean(
        string='My company\'s', compute='_compute_is_mine',
        search='_search_is_mine')

    @api.model_cr
    def init(self):
        # The matching engine filters candidates by category then by a
        # latitude range: one partial index per direction serves that scan.
        for direction in ('offer', 'need'):
            self.env.cr.execute("""
                CREATE INDEX IF NOT EXISTS kepos_resource_%s_geo_idx
                ON kepos_resource (category_id, latitude, longitude)
                WHERE state = 'published' AND direction = '%s'
            """ % (direction, direction))

    def _compute_match_count(self):
        Match = self.env['kepos.match']
        for resource in self:
            field = 'need_id' if resource.direction == 'need' else 'offer_id'
            resource.match_count = Match.search_count(
                [(field, '=', resource.id), ('state', '!=', 'dismissed')])

    def _compute_is_mine(self):
        member = self.env.user.partner_id.commercial_partner_id
        for resource in self:
            resource.is_mine = resource.partner_id == member

    def _search_is_mine(self, operator, value):
        member = self.env.user.partner_id.commercial_partner_id
        mine = (operator == '=') == bool(value)
        return [('partner_id', '=' if mine else '!=', member.id)]

    @api.onchange('partner_id')
    def _onchange_partner_id(self):
        if self.partner_id:
            self.update(self._location_from_partner(self.partner_id))

    @api.onchange('category_id')
    def _onchange_category_id(self):
        if self.category_id:
            self.co2e_factor = self.category_id.co2e_factor
            if self.category_id.uom_id:
                self.uom_id = self.category_id.uom_id

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            self.uom_id = self.product_id.uom_id
            if not self.name:
                self.name = self.product_id.name

    @api.model
    def _location_from_partner(self, partner):
        return {
            'location': ', '.join(filter(None, [
                partner.street, partner.zip, partner.city])),
            'latitude': partner.partner_latitude,
            'longitude': partner.partner_longitude,
        }

    @api.model
    def create(self, vals):
        self._kepos_check_values(vals)
        partner = self.env['res.partner'].browse(
            vals.get('partner_id') or self.default_get(
                ['partner_id'])['partner_id'])
        self._check_own_member(partner)
        for key, value in self._location_from_partner(partner).items():
            if not vals.get(key):
                vals[key] = value
        if 'co2e_factor' not in vals and vals.get('category_id'):
            vals['co2e_factor'] = self.env['kepos.resource.category'].browse(
                vals['category_id']).co2e_factor
        resource = super(KeposResource, self).create(vals)
        if resource.state == 'published':
            resource._refresh_matches()
        return resource

    @api.multi
    def write(self, vals):
        result = super(KeposResource, self).write(vals)
        if MATCH_FIELDS.intersection(vals):
            self._refresh_matches()
        return result

    @api.model
    def _check_own_member(self, partner):
        # Record rules are checked after the constraints, which would then
        # fail on reading: say plainly why instead.
        if not self.env.user.has_group('kepos_membership.group_kepos_staff') \
                and partner != self.env.user.partner_id.commercial_partner_id:
            raise AccessError(_(
                'You can only publish the resources of your own company.'))

    def _refresh_matches(self):
        # Called after the user's create or write of these resources, which
        # the access rules checked: the engine writes every member's matches.
        self.env['kepos.match'].sudo()._compute_matches(self.ids)

    @api.constrains('quantity')
    def _check_quantity(self):
        for resource in self:
            if resource.quantity <= 0:
                raise ValidationError(_(
                    'The quantity of "%s" must be positive.') % resource.name)

    @api.constrains('price_unit')
    def _check_price_unit(self):
        if any(resource.price_unit < 0 for resource in self):
            raise ValidationError(_('A price cannot be negative.'))

    @api.constrains('uom_id', 'category_id', 'product_id')
    def _check_uom(self):
        for resource in self:
            usual = resource.category_id.uom_id or resource.product_id.uom_id
            if usual and usual.category_id != resource.uom_id.category_id:
                raise ValidationError(_(
                    'The unit %s cannot measure a resource of the category '
                    '%s: use a unit of the kind "%s".') % (
                        resource.uom_id.name, resource.category_id.name,
                        usual.category_id.name))

    @api.constrains('date_start', 'date_end')
    def _check_dates(self):
        for resource in self:
            if resource.date_start and resource.date_end and \
                    resource.date_end < resource.date_start:
                raise ValidationError(_(
                    'The end of the availability of "%s" is before its '
                    'start.') % resource.name)

    @api.constrains('waste_code')
    def _check_waste_code(self):
        for resource in self:
            if resource.waste_code and not WASTE_CODE_RE.match(
                    resource.waste_code):
                raise ValidationError(_(
                    'The European waste code "%s" must look like '
                    '"20 01 08" (with a final star for hazardous waste).')
                    % resource.waste_code)

    @api.multi
    @kepos_action(role='member', states=['draft', 'closed'])
    def action_publish(self):
        for resource in self:
            if not (resource.latitude or resource.longitude):
                raise UserError(_(
                    'Give "%s" a location (latitude and longitude) before '
                    'publishing it: matching needs distances.')
                    % resource.name)
        self._kepos_server_write({'state': 'published'})
        return True

    @api.multi
    @kepos_action(role='member', states=['published', 'matched'])
    def action_close(self):
        self._kepos_server_write({'state': 'closed'})
        return True

    @api.multi
    @kepos_action(role='member', states=['published', 'closed'])
    def action_draft(self):
        self._kepos_server_write({'state': 'draft'})
        return True

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_matches(self):
        self.ensure_one()
        action = self.env.ref('kepos_synergy.action_kepos_match').read()[0]
        field = 'need_id' if self.direction == 'need' else 'offer_id'
        action['domain'] = [(field, '=', self.id)]
        action['context'] = {}
        return action
