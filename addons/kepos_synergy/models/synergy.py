# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from .resource import MODALITIES
from .resource_category import RESOURCE_KINDS

# What the parties agree to: set by them while the synergy is proposed.
TERM_FIELDS = (
    'category_id', 'modality', 'quantity', 'uom_id', 'period_count',
    'settlement', 'price_unit', 'market_price_unit', 'currency_id',
    'date_start', 'date_end', 'terms', 'transport_mode', 'transporter',
    'distance_km', 'trip_count', 'logistics_cost', 'co2e_factor')
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
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'date_start desc, id desc'

    # The parties are chosen when the synergy is proposed, by one of them
    # (or the staff), and never change after: each gives its own consent.
    # The terms change only while the synergy is proposed, and a change
    # withdraws the consents already given (see write).
    _kepos_client_fields = dict(
        {name: 'member' for name in TERM_FIELDS}, name='member',
        supplier_id='member:create', receiver_id='member:create',
        party_ids='member:create')

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
    agreed_partner_ids = fields.Many2many(
        'res.partner', 'kepos_synergy_agreed_rel', 'synergy_id',
        'partner_id', string='Agreed by', readonly=True, copy=False,
        help='The parties that have agreed to the terms, each by itself '
             '(or recorded by the staff on its behalf).')
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
        vals = self._with_main_parties(vals)
        self._check_own_member(
            self.new({'party_ids': vals.get('party_ids', [])}).party_ids)
        synergy = super(KeposSynergy, self).create(vals)
        if synergy.reference == '/':
            # The reference is the server's: numbered once the client's
            # values have passed the checks.
            synergy._kepos_server_write({
                'reference': self.env['ir.sequence'].sudo().next_by_code(
                    'kepos.synergy') or '/'})
        return synergy

    @api.multi
    def write(self, vals):
        terms = not self._kepos_trusted(creating=False) and \
            bool(set(vals).intersection(TERM_FIELDS))
        consents = self.filtered('agreed_partner_ids') if terms else self
        if terms:
            # What the parties agreed to is what the contract says.
            for synergy in self.filtered(lambda s: s.state != 'proposed'):
                raise UserError(_(
                    'The terms of the synergy %s were agreed: they can no '
                    'longer change.') % synergy.reference)
        result = super(KeposSynergy, self).write(
            self._with_main_parties(vals))
        if terms and consents:
            # A party agreed to other terms: it agrees again.
            consents._kepos_server_write({'agreed_partner_ids': [(5,)]})
        return result

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

    def _kepos_acting_party(self):
        """The company of the user among the parties, or an empty recordset
        (staff recording on a party's behalf, or not a party)."""
        self.ensure_one()
        member = self.env.user.partner_id.commercial_partner_id
        return self.party_ids.filtered(
            lambda p: p.commercial_partner_id == member)

    @api.multi
    @kepos_action(role='member', states=['proposed'])
    def action_agree(self):
        """Each party agrees for itself; the staff may record the consent
        of the parties that gave it outside the system. The synergy is
        agreed once every party has agreed."""
        is_staff = self._kepos_has_role('staff')
        for synergy in self:
            party = synergy._kepos_acting_party()
            if not party and not is_staff:
                raise AccessError(_(
                    'Only a party of the synergy %s can agree to it.')
                    % synergy.reference)
            if party:
                agreed = party
            else:
                agreed = synergy.party_ids - synergy.agreed_partner_ids
                synergy.message_post(body=_(
                    'Consent recorded by %s on behalf of: %s.') % (
                        self.env.user.name,
                        ', '.join(agreed.mapped('name'))))
            synergy._kepos_server_write(
                {'agreed_partner_ids': [(4, p.id) for p in agreed]})
        done = self.filtered(
            lambda s: not s.party_ids - s.agreed_partner_ids)
        if done:
            done._kepos_server_write({'state': 'agreed'})
            # The parties' own resources leave the market; read as
            # superuser since each party may only write its own.
            resources = done.mapped('match_id.need_id') | done.mapped(
                'match_id.offer_id')
            resources.sudo().filtered(
                lambda r: r.state == 'published')._kepos_server_write(
                    {'state': 'matched'})
        return True

    @api.multi
    @kepos_action(role='member', states=['agreed'])
    def action_contract(self):
        self._kepos_server_write({
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
    @kepos_action(role='member', states=['contracted'])
    def action_start(self):
        self._kepos_server_write({'state': 'running'})
        return True

    @api.multi
    @kepos_action(role='member', states=['running'])
    def action_close(self):
        self._kepos_server_write({'state': 'closed'})
        return True

    @api.multi
    @kepos_action(role='member',
                  states=['proposed', 'agreed', 'contracted', 'running'])
    def action_cancel(self):
        self._kepos_server_write({'state': 'cancelled'})
        return True

    @api.multi
    @kepos_action(role='member', states=['cancelled'])
    def action_reset(self):
        self._kepos_server_write({'state': 'proposed', 'contract_date': False,
                                  'agreed_partner_ids': [(5,)]})
        return True
