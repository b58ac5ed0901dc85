# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib.server_values import checked_creator


class KeposAssemblyAttendance(models.Model):
    """One member on the attendance list of an assembly: present,
    represented by a member present (a proxy), or absent."""
    _name = 'kepos.assembly.attendance'
    _description = 'Attendance at a general assembly'
    _order = 'assembly_id, college_id, partner_id'
    _rec_name = 'partner_id'

    # The staff draw up the list; the college is read from the member.
    _kepos_client_fields = {
        'assembly_id': 'staff:create', 'partner_id': 'staff:create',
        'status': 'staff', 'proxy_id': 'staff',
    }

    assembly_id = fields.Many2one(
        'kepos.assembly', string='Assembly', required=True,
        ondelete='cascade', index=True)
    assembly_state = fields.Selection(
        related='assembly_id.state', readonly=True)
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, ondelete='restrict',
        index=True)
    college_id = fields.Many2one(
        'kepos.college', string='College', ondelete='restrict', readonly=True,
        help='The college of the member when the list was drawn up.')
    status = fields.Selection(
        [('present', 'Present'),
         ('represented', 'Represented'),
         ('absent', 'Absent')],
        required=True, default='absent')
    proxy_id = fields.Many2one(
        'res.partner', string='Represented by', ondelete='restrict',
        help='The member present who holds the proxy (pouvoir).')

    _sql_constraints = [
        ('member_unique', 'unique(assembly_id, partner_id)',
         'A member appears once on the attendance list.'),
    ]

    def _check_list_open(self):
        # The quorum is established when the vote opens, on this list.
        if self.filtered(lambda l: l.assembly_state not in (
                'draft', 'convened')):
            raise UserError(_(
                'The attendance list is closed once the vote is open.'))

    @api.model
    def create(self, vals):
        creator = checked_creator(self, vals)
        if vals.get('partner_id'):
            partner = self.env['res.partner'].browse(vals['partner_id'])
            vals = dict(vals, college_id=partner.kepos_college_id.id)
        line = super(KeposAssemblyAttendance, creator).create(vals).with_env(
            self.env)
        line._check_list_open()
        return line

    @api.multi
    def write(self, vals):
        self._check_list_open()
        return super(KeposAssemblyAttendance, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_list_open()
        return super(KeposAssemblyAttendance, self).unlink()

    @api.onchange('status')
    def _onchange_status(self):
        if self.status != 'represented':
            self.proxy_id = False

    @api.constrains('partner_id', 'assembly_id')
    def _check_member(self):
        for line in self:
            assembly = line.assembly_id
            if not line.partner_id._kepos_members_at(
                    assembly.date, assembly.company_id):
                raise ValidationError(_(
                    '%s is not a member of the cooperative on %s: it has '
                    'no vote at this assembly.') % (
                        line.partner_id.name, assembly.date))

    @api.constrains('status', 'proxy_id')
    def _check_proxy(self):
        for line in self:
            if (line.status == 'represented') != bool(line.proxy_id):
                raise ValidationError(_(
                    'A represented member, and only a represented member, '
                    'names the member present who holds its proxy (%s).')
                    % line.partner_id.name)
            assembly = line.assembly_id
            if line.status != 'present' and assembly.attendance_ids.filtered(
                    lambda l: l.proxy_id == line.partner_id):
                raise ValidationError(_(
                    '%s holds proxies: it must be present.')
                    % line.partner_id.name)
            if not line.proxy_id:
                continue
            holder = assembly.attendance_ids.filtered(
                lambda l: l.partner_id == line.proxy_id)
            if holder.status != 'present':
                raise ValidationError(_(
                    '%s holds a proxy: it must be on the attendance list as '
                    'present.') % line.proxy_id.name)
            carried = assembly.attendance_ids.filtered(
                lambda l: l.proxy_id == line.proxy_id)
            limit = assembly.company_id.kepos_max_proxies
            if len(carried) > limit:
                raise ValidationError(_(
                    '%s would hold %d proxies; a member present holds at '
                    'most %d.') % (line.proxy_id.name, len(carried), limit))
