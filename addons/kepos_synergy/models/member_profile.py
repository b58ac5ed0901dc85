# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposMemberProfile(models.Model):
    """A member company's page in the directory. Kept apart from
    res.partner so that members can edit their own profile without
    receiving write access on contacts."""
    _name = 'kepos.member.profile'
    _description = 'Member profile'
    _inherit = ['mail.thread']
    _order = 'name'
    # A member writes the page of its own company (record rules), which
    # never moves to another member.
    _kepos_client_fields = dict(
        {name: 'member' for name in (
            'image', 'activity', 'skills', 'certifications', 'offers',
            'needs')},
        partner_id='member:create')

    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, index=True,
        ondelete='cascade', domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)
    name = fields.Char(related='partner_id.name', store=True, readonly=True)
    image = fields.Binary('Logo', attachment=True)
    industry_id = fields.Many2one(
        related='partner_id.industry_id', store=True, readonly=True, string='Sector')
    city = fields.Char(related='partner_id.city', readonly=True)
    website = fields.Char(related='partner_id.website', readonly=True)
    email = fields.Char(related='partner_id.email', readonly=True)
    phone = fields.Char(related='partner_id.phone', readonly=True)
    nace_code = fields.Char(related='partner_id.kepos_nace_code', store=True,
                            readonly=True, string='NACE code')
    resource_ids = fields.Many2many(
        'kepos.resource', compute='_compute_published', string='Published resources')
    product_ids = fields.Many2many(
        'product.template', compute='_compute_published', string='Member catalogue')
    contact_ids = fields.One2many(
        related='partner_id.child_ids', readonly=True, string='Contacts')
    activity = fields.Text('What we do', track_visibility='onchange')
    skills = fields.Text('Skills')
    certifications = fields.Text()
    offers = fields.Text('What we offer to members')
    needs = fields.Text('What we look for')

    _sql_constraints = [
        ('partner_uniq', 'unique(partner_id)', 'This member already has a profile.'),
    ]

    def _compute_published(self):
        # What the member publishes is public to all members (published
        # resources, catalogue products): read only those, as superuser, so
        # that a profile shows the same to every member.
        Resource = self.env['kepos.resource'].sudo()
        Product = self.env['product.template'].sudo()
        for profile in self:
            profile.resource_ids = Resource.search([
                ('partner_id', '=', profile.partner_id.id), ('state', '=', 'published')])
            profile.product_ids = Product.search([
                ('kepos_seller_id', '=', profile.partner_id.id),
                ('kepos_member_catalogue', '=', True)])

    @api.model
    def create(self, vals):
        # Checked before the insert, to answer with this message rather
        # than the database's error.
        partner_id = vals.get('partner_id') or self.default_get(
            ['partner_id']).get('partner_id')
        if self.sudo().search_count([('partner_id', '=', partner_id)]):
            raise ValidationError(_('This member already has a profile.'))
        profile = super().create(vals)
        if not profile.image and profile.partner_id.image:
            # The record rules let the user create this profile only for
            # its own company: its logo is the user's to copy.
            profile.image = profile.partner_id.sudo().image
        return profile

    @api.model
    @kepos_action(role='member', access=None)
    def action_my_profile(self):
        """Open the profile of the user's company, created on first visit."""
        member = self.env.user.partner_id.commercial_partner_id
        if not member.is_company:
            raise AccessError(_('Your user is not attached to a member company.'))
        profile = self.search([('partner_id', '=', member.id)], limit=1)
        if not profile:
            profile = self.create({'partner_id': member.id})
        return {
            'type': 'ir.actions.act_window',
            'name': _('My profile'),
            'res_model': self._name,
            'res_id': profile.id,
            'view_mode': 'form',
            'target': 'current',
        }
