# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action
from ..lib.guard import without_defaults


class KeposNewMemberWizard(models.TransientModel):
    """"New member": the partner, optionally its own books and user, and a
    draft subscription, in one step."""
    _name = 'kepos.new.member.wizard'
    _description = 'New member'
    # The team registers new members.
    _kepos_client_fields = dict.fromkeys(
        ('name', 'is_company', 'email', 'phone', 'street', 'zip', 'city',
         'category_id', 'share_type_id', 'quantity', 'create_company',
         'user_name', 'user_login'), 'staff')

    name = fields.Char(required=True)
    is_company = fields.Boolean(string='Is a company', default=True)
    email = fields.Char()
    phone = fields.Char()
    street = fields.Char()
    zip = fields.Char()
    city = fields.Char(default='Nancy')
    category_id = fields.Many2one(
        'kepos.member.category', string='Member category', required=True)
    share_type_id = fields.Many2one(
        'kepos.share.type', string='Share type', required=True,
        default=lambda self: self.env['kepos.share.type'].search([], limit=1))
    quantity = fields.Integer(string='Shares', required=True, default=1)
    create_company = fields.Boolean(
        string='Keep its books here',
        help='Create a company for this member, with the French chart of '
             'accounts, in the shared system.')
    user_name = fields.Char(string='User name')
    user_login = fields.Char(
        string='User login',
        help='If set, a user of the member company with the Member rights.')

    @api.multi
    @kepos_action(role='staff')
    def action_create(self):
        self.ensure_one()
        if self.quantity <= 0:
            raise UserError(_('A subscription asks for at least one share.'))
        if self.user_login and not self.create_company:
            raise UserError(_(
                'A member user works in the member\'s own company: tick '
                '"Keep its books here" to create one.'))
        if self.user_login and self.env['res.users'].sudo().search_count(
                [('login', '=', self.user_login)]):
            raise UserError(_('The login %s is already used.')
                            % self.user_login)
        partner = self.env['res.partner'].create({
            'name': self.name,
            'is_company': self.is_company,
            'email': self.email,
            'phone': self.phone,
            'street': self.street,
            'zip': self.zip,
            'city': self.city,
            'country_id': self.env.ref('base.fr').id,
            'kepos_category_id': self.category_id.id,
        })
        if self.create_company:
            company = self.env['res.company'].kepos_create_member_company(
                partner)
            if self.user_login:
                self._create_member_user(partner, company)
        subscription = self.env['kepos.subscription'].create({
            'partner_id': partner.id,
            'share_type_id': self.share_type_id.id,
            'quantity': self.quantity,
        })
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'kepos.subscription',
            'res_id': subscription.id,
            'view_mode': 'form',
            'target': 'current',
        }

    def _create_member_user(self, partner, company):
        contact = self.env['res.partner'].create({
            'name': self.user_name or self.name,
            'parent_id': partner.id,
            'email': self.email,
        })
        return without_defaults(self.env['res.users']).sudo().with_context(
            no_reset_password=True).create({
                'login': self.user_login,
                'partner_id': contact.id,
                'company_id': company.id,
                'company_ids': [(6, 0, company.ids)],
                'lang': self.env.user.lang,
                'groups_id': [(6, 0, [
                    self.env.ref('kepos_membership.group_kepos_member').id,
                    self.env.ref('account.group_account_invoice').id,
                ])],
            })
