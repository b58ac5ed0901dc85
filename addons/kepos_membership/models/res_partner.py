# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

STAFF = 'kepos_membership.group_kepos_staff'


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # The staff give the category (and with it the college); the holdings
    # and the membership come from the register.
    _kepos_client_fields = {'kepos_category_id': 'staff'}

    kepos_category_id = fields.Many2one(
        'kepos.member.category', string='Member category',
        track_visibility='onchange', ondelete='restrict')
    # For the form only: the model refuses the category from anyone else.
    kepos_category_editable = fields.Boolean(
        string='May set the member category',
        compute='_compute_kepos_category_editable')
    kepos_college_id = fields.Many2one(
        related='kepos_category_id.college_id', string='College',
        readonly=True)
    kepos_share_line_ids = fields.One2many(
        'kepos.share.line', 'partner_id', string='Share register')
    kepos_subscription_ids = fields.One2many(
        'kepos.subscription', 'partner_id', string='Subscriptions')
    kepos_incoming_operation_ids = fields.One2many(
        'kepos.share.operation', 'receiver_id', string='Shares to receive')
    # Computed as superuser from the whole register: the cooperative's team
    # reads them; a member reads its own holding on its dashboard and its
    # register lines, not other members' (issue 17).
    kepos_share_count = fields.Integer(
        string='Shares', compute='_compute_kepos_shares', store=True,
        groups=STAFF, help='Shares held today, from the share register.')
    kepos_share_amount = fields.Monetary(
        string='Capital held', compute='_compute_kepos_shares', store=True,
        groups=STAFF,
        currency_field='currency_id')
    kepos_member_state = fields.Selection(
        [('none', 'Not a member'),
         ('candidate', 'Candidate'),
         ('member', 'Member'),
         ('former', 'Former member')],
        string='Cooperative membership',
        compute='_compute_kepos_member_state', store=True, index=True,
        help='Member: holds shares. Candidate: a subscription or a transfer '
             'to it is under way. Former member: held shares, holds none '
             'now.')
    kepos_own_company_id = fields.Many2one(
        'res.company',
        string='Own books',
        compute='_compute_kepos_own_company_id',
        help='The company that holds this member\'s books in the shared '
             'system, if it has one.',
    )

    def _compute_kepos_category_editable(self):
        editable = self.env.user.has_group(STAFF)
        for partner in self:
            partner.kepos_category_editable = editable

    @api.multi
    def write(self, vals):
        if 'kepos_category_id' not in vals:
            return super(ResPartner, self).write(vals)
        holders = self._kepos_capital_holders()
        categories = {p.id: self.env['kepos.member.category'].browse(
            vals['kepos_category_id']) for p in holders}
        for company in holders.mapped('kepos_share_line_ids.company_id'):
            company._kepos_lock_capital(holders)
            company._kepos_check_scic_categories(
                [], fields.Date.context_today(self), categories=categories)
        result = super(ResPartner, self).write(vals)
        # The 50 % of public bodies, with the holders' new category.
        today = fields.Date.context_today(self)
        for company in holders.mapped('kepos_share_line_ids.company_id'):
            company._kepos_check_capital_rules([], today)
        for company in holders.mapped('kepos_subscription_ids').filtered(
                lambda s: s.state == 'approved').mapped('company_id'):
            company._kepos_check_capital_rules([], today)
        return result

    def _kepos_capital_holders(self):
        """The partners of ``self`` in the register or with shares on the
        way (read as superuser: the rule is the cooperative's)."""
        return self.sudo().filtered(
            lambda p: p.kepos_share_line_ids or any(
                s.state == 'approved' for s in p.kepos_subscription_ids))

    @api.depends('kepos_share_line_ids.quantity',
                 'kepos_share_line_ids.amount')
    def _compute_kepos_shares(self):
        # The register is read whatever the user's record rules: a member's
        # holding is a fact the whole cooperative shares.
        # A line dated in the future is not held yet: the daily
        # _kepos_recompute_holdings_due counts it on its day.
        groups = self.env['kepos.share.line'].sudo().read_group(
            [('partner_id', 'in', self.ids),
             ('date', '<=', fields.Date.context_today(self))],
            ['partner_id', 'quantity', 'amount'], ['partner_id'])
        totals = {g['partner_id'][0]: g for g in groups}
        for partner in self:
            group = totals.get(partner.id, {})
            partner.kepos_share_count = group.get('quantity', 0)
            partner.kepos_share_amount = group.get('amount', 0.0)

    @api.depends('kepos_share_count', 'kepos_share_line_ids',
                 'kepos_subscription_ids.state',
                 'kepos_incoming_operation_ids.state')
    def _compute_kepos_member_state(self):
        for partner in self:
            history = partner.sudo()
            if history.kepos_share_count > 0:
                state = 'member'
            elif history.kepos_share_line_ids:
                state = 'former'
            elif any(s.state in ('submitted', 'approved')
                     for s in history.kepos_subscription_ids) or any(
                    o.state in ('submitted', 'approved')
                    for o in history.kepos_incoming_operation_ids):
                state = 'candidate'
            else:
                state = 'none'
            partner.kepos_member_state = state

    def _compute_kepos_own_company_id(self):
        companies = self.env['res.company'].sudo().search(
            [('partner_id', 'in', self.ids)])
        by_partner = {c.partner_id.id: c for c in companies}
        for partner in self:
            partner.kepos_own_company_id = by_partner.get(partner.id)

    @api.model
    def _kepos_recompute_holdings_due(self, days=7):
        """Daily job: the holdings of the partners whose register lines
        became effective in the last ``days`` days (the stored holdings
        count a line from its date on)."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        since = fields.Date.to_string(today - timedelta(days=days))
        partners = self.env['kepos.share.line'].sudo().search(
            [('date', '>', since)]).mapped('partner_id')
        for name in ('kepos_share_count', 'kepos_share_amount',
                     'kepos_member_state'):
            self.env.add_todo(self._fields[name], partners)
        partners.recompute()
        return True

    @api.multi
    def _kepos_share_count_at(self, date, company=None):
        """Shares held on ``date`` (end of day), from the register:
        ``{partner_id: shares}`` for the partners of ``self``, or for every
        partner that ever held shares when ``self`` is empty."""
        query = """
            SELECT partner_id, SUM(quantity) FROM kepos_share_line
            WHERE date <= %s AND (%s IS NULL OR company_id = %s)
        """
        params = [date, company and company.id, company and company.id]
        if self:
            query += " AND partner_id IN %s"
            params.append(tuple(self.ids))
        self.env.cr.execute(query + " GROUP BY partner_id", params)
        counts = dict.fromkeys(self.ids, 0)
        counts.update(self.env.cr.fetchall())
        return counts

    @api.multi
    def _kepos_members_at(self, date, company=None):
        """Partners (among ``self``, or all when empty) holding shares on
        ``date``."""
        counts = self._kepos_share_count_at(date, company=company)
        return self.browse([p for p, n in counts.items() if n > 0])

    def _kepos_shares_of_type(self, share_type, date):
        self.ensure_one()
        self.env.cr.execute("""
            SELECT COALESCE(SUM(quantity), 0) FROM kepos_share_line
            WHERE partner_id = %s AND share_type_id = %s AND date <= %s
        """, (self.id, share_type.id, date))
        return self.env.cr.fetchone()[0]

    def _kepos_lowest_holding_after(self, share_type, date):
        """Lowest holding of ``share_type`` after ``date``, or None when no
        later movement exists: a back-dated removal must not make a later
        movement impossible."""
        self.ensure_one()
        self.env.cr.execute("""
            SELECT MIN(held) FROM (
                SELECT date, SUM(quantity) OVER (ORDER BY date, id) AS held
                FROM kepos_share_line
                WHERE partner_id = %s AND share_type_id = %s
            ) running WHERE date > %s
        """, (self.id, share_type.id, date))
        return self.env.cr.fetchone()[0]
