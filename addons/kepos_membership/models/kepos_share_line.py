# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action

# Columns that make a movement; the database refuses any change to them.
_LEDGER_COLUMNS = ('partner_id', 'share_type_id', 'company_id', 'move_type',
                   'date', 'quantity', 'amount', 'certificate_number',
                   'subscription_id', 'operation_id', 'category_id')


class KeposShareLine(models.Model):
    """The share register: one line a movement, never edited nor deleted.

    Holdings are sums of these lines; a correction is a new operation whose
    lines reverse the movement, so the register always tells who held what
    on any date.
    """
    _name = 'kepos.share.line'
    _description = 'Share register line'
    _order = 'date desc, id desc'
    _rec_name = 'certificate_number'
    # No client writes the register: the capital workflows do.
    _kepos_client_fields = {}

    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, readonly=True,
        index=True, ondelete='restrict')
    share_type_id = fields.Many2one(
        'kepos.share.type', string='Share type', required=True,
        readonly=True, ondelete='restrict')
    company_id = fields.Many2one(
        'res.company', string='Cooperative', required=True, readonly=True,
        ondelete='restrict')
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    category_id = fields.Many2one(
        'kepos.member.category', string='Category', readonly=True,
        ondelete='restrict',
        help='Category of the member when the movement was made.')
    college_id = fields.Many2one(
        related='category_id.college_id', string='College', store=True,
        readonly=True)
    move_type = fields.Selection(
        [('issue', 'Issue'),
         ('transfer_in', 'Transfer in'),
         ('transfer_out', 'Transfer out'),
         ('redemption', 'Redemption')],
        string='Movement', required=True, readonly=True)
    date = fields.Date(required=True, readonly=True, index=True)
    quantity = fields.Integer(
        string='Shares', required=True, readonly=True,
        help='Shares received (positive) or given up (negative).')
    amount = fields.Monetary(
        string='Capital', required=True, readonly=True,
        help='Nominal value of the movement.')
    certificate_number = fields.Char(
        string='Certificate', readonly=True, copy=False,
        help='Number of the share certificate given for shares received.')
    subscription_id = fields.Many2one(
        'kepos.subscription', string='Subscription', readonly=True,
        ondelete='restrict')
    operation_id = fields.Many2one(
        'kepos.share.operation', string='Operation', readonly=True,
        ondelete='restrict')

    _sql_constraints = [
        ('quantity_not_zero', 'check(quantity != 0)',
         'A register line moves at least one share.'),
        ('certificate_unique', 'unique(certificate_number)',
         'A certificate number is given once.'),
    ]

    @api.model_cr
    def init(self):
        # The register must stay append-only even for the superuser and
        # for SQL run outside the ORM: a trigger refuses deletes and any
        # change of a ledger column.
        changed = ' OR '.join(
            'NEW.%s IS DISTINCT FROM OLD.%s' % (c, c) for c in _LEDGER_COLUMNS)
        self.env.cr.execute("""
            CREATE OR REPLACE FUNCTION kepos_share_line_append_only()
            RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'kepos_share_line is append-only';
                END IF;
                IF %s THEN
                    RAISE EXCEPTION 'kepos_share_line is append-only';
                END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS kepos_share_line_append_only
                ON kepos_share_line;
            CREATE TRIGGER kepos_share_line_append_only
                BEFORE UPDATE OR DELETE ON kepos_share_line
                FOR EACH ROW EXECUTE PROCEDURE kepos_share_line_append_only();
        """ % changed)

    @api.model
    def create(self, vals):
        if vals.get('quantity', 0) > 0 and not vals.get('certificate_number'):
            vals['certificate_number'] = self.env['ir.sequence'].next_by_code(
                'kepos.share.certificate')
        return super(KeposShareLine, self).create(vals)

    @api.multi
    def write(self, vals):
        raise UserError(_(
            'The share register cannot be changed. Record a transfer or a '
            'redemption to move shares.'))

    @api.multi
    def unlink(self):
        raise UserError(_(
            'The share register cannot be changed. Record a transfer or a '
            'redemption to move shares.'))

    @api.multi
    @kepos_action(role='member', access='read')
    def action_print_certificate(self):
        received = self.filtered(lambda l: l.quantity > 0)
        if not received:
            raise UserError(_(
                'Certificates are given only for shares received.'))
        return self.env.ref(
            'kepos_membership.action_report_share_certificate'
        ).report_action(received)
