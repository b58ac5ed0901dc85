# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .resource import MODALITIES
from .resource_category import RESOURCE_KINDS

TRANSPORT_MODES = [
    ('none', 'No transport'),
    ('bike', 'Cargo bike'),
    ('car', 'Car'),
    ('van', 'Van'),
    ('truck', 'Truck'),
]
# kg CO2e emitted per km driven (orders of magnitude of ADEME's Base
# Carbone); README.rst documents them with the balance formula.
TRANSPORT_CO2E_PER_KM = {
    'none': 0.0, 'bike': 0.0, 'car': 0.19, 'van': 0.27, 'truck': 0.80,
}


class KeposSynergy(models.Model):
    _name = 'kepos.synergy'
    _description = 'Synergy between members'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_start desc, id desc'

    name = fields.Char(required=True, track_visibility='onchange')
    reference = fields.Char(readonly=True, copy=False, default='/')
    state = fields.Selection(
        [('proposed', 'Proposed'),
         ('agreed', 'Agreed'),
         ('contracted', 'Contracted'),
         ('running', 'Running'),
         ('closed', 'Closed'),
         ('cancelled', 'Cancelled')],
        required=True, default='proposed', readonly=True, index=True,
        copy=False, track_visibility='onchange')
    match_id = fields.Many2one('kepos.match', readonly=True, copy=False)
    supplier_id = fields.Many2one(
        'res.partner', string='Supplying member', required=True,
        domain=[('is_company', '=', True)], track_visibility='onchange')
    receiver_id = fields.Many2one(
        'res.partner', string='Receiving member', required=True,
        domain=[('is_company', '=', True)], track_visibility='onchange')
    party_ids = fields.Many2many(
        'res.partner', 'kepos_synergy_party_rel', 'synergy_id', 'partner_id',
        string='Parties', domain=[('is_company', '=', True)],
        help='All the members taking part: the supplier, the receiver and '
             'any other (a transporter, a pooling partner...).')
    party_count = fields.Integer(compute='_compute_party_count', store=True)
    category_id = fields.Many2one(
        'kepos.resource.category', string='Category', required=True)
    kind = fields.Selection(RESOURCE_KINDS, related='category_id.kind',
                            store=True, readonly=True)
    modality = fields.Selection(MODALITIES, required=True, default='exchange')
    # Terms
    quantity = fields.Float(
        string='Quantity per delivery', required=True, default=1.0,
        digits=(16, 3))
    uom_id = fields.Many2one(
        'product.uom', string='Unit', required=True,
        default=lambda self: self.env.ref('product.product_uom_unit'))
    period_count = fields.Integer(
        string='Number of deliveries', required=True, default=1,
        help='How many times the quantity is delivered over the duration.')
    settlement = fields.Selection(
        [('money', 'Money'), ('barter', 'Barter units'), ('free', 'Free')],
        required=True, default='money')
    price_unit = fields.Monetary(string='Price paid per unit')
    market_price_unit = fields.Monetary(
        string='Market price per unit',
        help='What the receiver would pay per unit for the same thing new '
             'or from its usual supplier: the cost the synergy avoids.')
    currency_id = fields.Many2one(
        'res.currency', required=True,
        default=lambda self: self.env.ref('base.EUR'))
    date_start = fields.Date(string='Start date')
    date_end = fields.Date(string='End date')
    terms = fields.Html(string='Other terms')
    # Logistics
    transport_mode = fields.Selection(
        TRANSPORT_MODES, required=True, default='none')
    transporter = fields.Selection(
        [('supplier', 'Supplier'), ('receiver', 'Receiver'),
         ('third', 'Third party')], string='Transported by',
        default='supplier')
    distance_km = fields.Float(string='Distance (km)', digits=(16, 1))
    trip_count = fields.Integer(
        string='Trips', help='Number of trips (one way) for the whole '
                             'synergy.')
    logistics_cost = fields.Monetary(
        string='Logistics cost', help='Total cost of transport and handling.')
    co2e_factor = fields.Float(
        string='CO2e avoided per unit (kg)', digits=(16, 4))
    contract_date = fields.Date(readonly=True, copy=False)
    # Balance (formula in README.rst and on the form)
    total_quantity = fields.Float(
        compute='_compute_balance', store=True, digits=(16, 3))
    money_saved = fields.Monetary(
        compute='_compute_balance', store=True, string='Money saved')
    transport_co2e = fields.Float(
        compute='_compute_balance', store=True, digits=(16, 2),
        string='Transport emissions (kg CO2e)')
    co2e_avoided = fields.Float(
        compute='_compute_balance', store=True, digits=(16, 2),
        string='CO2e avoided (kg)')
    waste_diverted_kg = fields.Float(
        compute='_compute_balance', store=True, digits=(16, 2),
        string='Waste diverted (kg)')

    @api.depends('party_ids')
    def _compute_party_count(self):
        for synergy in self:
            synergy.party_count = len(synergy.party_ids)

    @api.depends('quantity', 'period_count', 'price_unit',
                 'market_price_unit', 'logistics_cost', 'co2e_factor',
                 'transport_mode', 'distance_km', 'trip_count', 'uom_id',
                 'category_id.kind')
    def _compute_balance(self):
        kg = self.env.ref('product.product_uom_kgm')
        for synergy in self:
            total = synergy.quantity * synergy.period_count
            transport = TRANSPORT_CO2E_PER_KM[synergy.transport_mode] \
                * synergy.distance_km * synergy.trip_count
            synergy.total_quantity = total
            synergy.money_saved = total * (
                synergy.market_price_unit - synergy.price_unit) \
                - synergy.logistics_cost
            synergy.transport_co2e = transport
            synergy.co2e_avoided = total * synergy.co2e_factor - transport
            if synergy.kind == 'waste' and \
                    synergy.uom_id.category_id == kg.category_id:
                synergy.waste_diverted_kg = synergy.uom_id._compute_quantity(
                    total, kg, round=False)
            else:
                synergy.waste_diverted_kg = 0.0

    @api.onchange('supplier_id', 'receiver_id')
    def _onchange_parties(self):
        parties = self.supplier_id | self.receiver_id
        self.party_ids |= parties

    @api.model
    def create(self, vals):
        self._kepos_check_values(vals)
        # Demo data and the staff's imports may start further in the flow.
        if vals.get('state', 'proposed') != 'proposed' and not \
                self.env.user.has_group('kepos_membership.group_kepos_staff'):
            raise UserError(_(
                'Change the state of a synergy with the buttons of its '
                'workflow.'))
        if vals.get('reference', '/') == '/':
            vals['reference'] = self.env['ir.sequence'].sudo().next_by_code(
                'kepos.synergy') or '/'
        vals = self._with_main_parties(vals)
        self._check_own_member(
            self.new({'party_ids': vals.get('party_ids', [])}).party_ids)
        return super(KeposSynergy, self).create(vals)

    @api.multi
    def write(self, vals):
        if 'state' in vals and not self._kepos_in_transition():
            raise UserError(_(
                'Change the state of a synergy with the buttons of its '
                'workflow.'))
        return super(KeposSynergy, self).write(self._with_main_parties(vals))

    @api.model
    def _check_own_member(self, parties):
        # Checked here rather than by the record rule alone: the constraints
        # run before the rule and would fail on reading.
        member = self.env.user.partner_id.commercial_partner_id
        if not self.env.user.has_group('kepos_membership.group_kepos_staff') \
                and member not in parties:
            raise AccessError(_(
                'You can only create a synergy your company takes part in.'))

    @api.model
    def _with_main_parties(self, vals):
        """The supplier and the receiver are always parties."""
        added = [(4, vals[key]) for key in ('supplier_id', 'receiver_id')
                 if vals.get(key)]
        if added:
            vals = dict(vals, party_ids=list(vals.get('party_ids') or [])
                        + added)
        return vals

    @api.constrains('party_ids', 'supplier_id', 'receiver_id')
    def _check_parties(self):
        for synergy in self:
            if synergy.supplier_id == synergy.receiver_id or \
                    len(synergy.party_ids.mapped(
                        'commercial_partner_id')) < 2:
                raise ValidationError(_(
                    'A synergy needs at least two different members.'))

    @api.constrains('quantity', 'period_count', 'trip_count', 'distance_km',
                    'uom_id', 'category_id', 'date_start', 'date_end',
                    'price_unit', 'market_price_unit', 'logistics_cost')
    def _check_terms(self):
        for synergy in self:
            if synergy.quantity <= 0 or synergy.period_count <= 0:
                raise ValidationError(_(
                    'The quantity and the number of deliveries of a synergy '
                    'must be positive.'))
            if synergy.trip_count < 0 or synergy.distance_km < 0:
                raise ValidationError(_(
                    'The distance and the number of trips cannot be '
                    'negative.'))
            if min(synergy.price_unit, synergy.market_price_unit,
                   synergy.logistics_cost) < 0:
                raise ValidationError(_('A price cannot be negative.'))
            usual = synergy.category_id.uom_id
            if usual and usual.category_id != synergy.uom_id.category_id:
                raise ValidationError(_(
                    'The unit %s cannot measure a resource of the category '
                    '%s: use a unit of the kind "%s".') % (
                        synergy.uom_id.name, synergy.category_id.name,
                        usual.category_id.name))
            if synergy.date_start and synergy.date_end and \
                    synergy.date_end < synergy.date_start:
                raise ValidationError(_(
                    'The end of the synergy is before its start.'))

    def _check_state(self, allowed, action):
        for synergy in self:
            if synergy.state not in allowed:
                raise UserError(_(
                    'The synergy %s cannot be %s in the state "%s".') % (
                        synergy.reference, action,
                        dict(self._fields['state']._description_selection(
                            self.env))[synergy.state]))

    @api.multi
    def action_agree(self):
        self._check_state(['proposed'], _('agreed'))
        self._kepos_transition({'state': 'agreed'})
        resources = self.mapped('match_id.need_id') | self.mapped(
            'match_id.offer_id')
        resources.sudo().filtered(
            lambda r: r.state == 'published').write({'state': 'matched'})
        return True

    @api.multi
    def action_contract(self):
        self._check_state(['agreed'], _('contracted'))
        self._kepos_transition({
            'state': 'contracted',
            'contract_date': fields.Date.context_today(self)})
        self._attach_contract()
        return True

    def _attach_contract(self):
        report = self.env.ref('kepos_synergy.action_report_synergy_contract')
        for synergy in self:
            content, _format = report.sudo().render_qweb_pdf(synergy.ids)
            self.env['ir.attachment'].create({
                'name': _('Contract %s.pdf') % synergy.reference,
                'datas_fname': _('Contract %s.pdf') % synergy.reference,
                'datas': base64.b64encode(content),
                'res_model': self._name,
                'res_id': synergy.id,
                'mimetype': 'application/pdf',
            })

    @api.multi
    def action_start(self):
        self._check_state(['contracted'], _('started'))
        self._kepos_transition({'state': 'running'})
        return True

    @api.multi
    def action_close(self):
        self._check_state(['running'], _('closed'))
        self._kepos_transition({'state': 'closed'})
        return True

    @api.multi
    def action_cancel(self):
        self._check_state(['proposed', 'agreed', 'contracted', 'running'],
                          _('cancelled'))
        self._kepos_transition({'state': 'cancelled'})
        return True

    @api.multi
    def action_reset(self):
        self._check_state(['cancelled'], _('proposed again'))
        self._kepos_transition({'state': 'proposed', 'contract_date': False})
        return True
