# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, fields, models
from odoo.exceptions import UserError, ValidationError


class ResCompany(models.Model):
    """The cooperative's variable capital: figures and legal rules, all read
    from the share register."""
    _inherit = 'res.company'

    _kepos_client_fields = dict.fromkeys(
        ('kepos_capital_minimum', 'kepos_capital_journal_id',
         'kepos_redemption_journal_id'), 'manager')

    kepos_capital_minimum = fields.Monetary(
        string='Statutory minimum capital',
        help='The statutes forbid redemptions that bring the capital below '
             'this amount.')
    kepos_capital_journal_id = fields.Many2one(
        'account.journal', string='Capital journal',
        help='Journal of the invoices of subscribed shares.')
    kepos_redemption_journal_id = fields.Many2one(
        'account.journal', string='Capital redemption journal',
        help='Journal of the bills that repay withdrawing members.')
    kepos_capital_amount = fields.Monetary(
        string='Current capital', compute='_compute_kepos_capital')
    kepos_capital_max_amount = fields.Monetary(
        string='Highest capital reached', compute='_compute_kepos_capital')
    kepos_capital_floor = fields.Monetary(
        string='Capital floor', compute='_compute_kepos_capital',
        help='Redemptions may not bring the capital below a quarter of the '
             'highest capital reached, nor below the statutory minimum.')
    kepos_public_capital_percent = fields.Float(
        string='Capital held by public bodies (%)',
        compute='_compute_kepos_capital')
    kepos_shareholder_count = fields.Integer(
        string='Members', compute='_compute_kepos_capital')
    kepos_scic_warning = fields.Char(
        string='SCIC warning', compute='_compute_kepos_capital')

    def _compute_kepos_capital(self):
        today = fields.Date.context_today(self)
        for company in self:
            # A line dated in the future is not held today.
            amount = company._kepos_capital_at(today)
            public = company._kepos_capital_at(today, public_only=True)
            company.kepos_capital_amount = amount
            company.kepos_capital_max_amount = company._kepos_capital_max()
            company.kepos_capital_floor = company._kepos_capital_floor()
            company.kepos_public_capital_percent = (
                100.0 * public / amount if amount else 0.0)
            members = self.env['res.partner'].sudo()._kepos_members_at(
                today, company=company)
            company.kepos_shareholder_count = len(members)
            company.kepos_scic_warning = company._kepos_scic_warning(members)

    def _kepos_scic_warning(self, members, categories=None):
        if categories is None:
            categories = members.mapped('kepos_category_id')
        problems = []
        if len(categories) < 3:
            problems.append(_('fewer than three categories have members'))
        if not categories.filtered('is_employee'):
            problems.append(_('no employee is a member'))
        if not categories.filtered('is_beneficiary'):
            problems.append(_('no beneficiary is a member'))
        if not problems:
            return False
        return _('A SCIC needs members of at least three categories, among '
                 'them employees and beneficiaries: %s.') % ', '.join(problems)

    def _kepos_capital_at(self, date=None, public_only=False):
        """Capital in the register on ``date`` (every line when None).
        Public bodies are the holders whose category is a public body now:
        the 50 % rule is about who holds the shares, whatever their
        category when they received them."""
        self.ensure_one()
        query = """
            SELECT COALESCE(SUM(l.amount), 0) FROM kepos_share_line l
            JOIN res_partner p ON p.id = l.partner_id
            LEFT JOIN kepos_member_category c ON c.id = p.kepos_category_id
            WHERE l.company_id = %s AND (%s IS NULL OR l.date <= %s)
        """
        if public_only:
            query += " AND c.is_public_body"
        self.env.cr.execute(query, (self.id, date, date))
        return self.env.cr.fetchone()[0]

    def _kepos_capital_max(self):
        """Highest capital ever reached, from the running total of the
        register (movements of one day count together)."""
        self.ensure_one()
        self.env.cr.execute("""
            SELECT COALESCE(MAX(total), 0) FROM (
                SELECT SUM(SUM(amount)) OVER (ORDER BY date) AS total
                FROM kepos_share_line WHERE company_id = %s GROUP BY date
            ) running
        """, (self.id,))
        return self.env.cr.fetchone()[0]

    def _kepos_capital_floor(self):
        self.ensure_one()
        return max(self._kepos_capital_max() / 4.0,
                   self.kepos_capital_minimum)

    def _kepos_lock_capital(self, partners):
        """Serialise capital changes: lock the cooperative, then the members
        concerned, always in the same order so two operations wait for each
        other instead of both passing a rule."""
        self.ensure_one()
        self.env.cr.execute(
            'SELECT id FROM res_company WHERE id = %s FOR UPDATE', (self.id,))
        self.env.cr.execute(
            'SELECT id FROM res_partner WHERE id IN %s ORDER BY id FOR UPDATE',
            (tuple(partners.ids) or (0,),))

    def _kepos_pending_public_moves(self, exclude=None):
        """Approved subscriptions of public bodies not paid yet: their
        shares are promised and will count. Those of other members do not
        make room for them: they may never be paid."""
        self.ensure_one()
        subscriptions = self.env['kepos.subscription'].sudo().search([
            ('company_id', '=', self.id), ('state', '=', 'approved'),
            ('id', 'not in', exclude.ids if exclude else []),
            ('partner_id.kepos_category_id.is_public_body', '=', True)])
        return [(s.partner_id, s.share_type_id, s.quantity)
                for s in subscriptions]

    def _kepos_check_capital_rules(self, moves, date, exclude=None):
        """Refuse a set of movements ``[(partner, share_type, quantity)]``
        dated ``date`` that would break a legal rule of the capital, as the
        register will stand once they are written (``exclude``: the
        subscriptions these movements issue, not to be counted twice).

        Raise a ValidationError before anything is written.
        """
        self.ensure_one()
        delta = defaultdict(int)
        for partner, share_type, quantity in moves:
            delta[(partner, share_type)] += quantity
        for (partner, share_type), quantity in delta.items():
            self._kepos_check_holding(partner, share_type, quantity, date)
        pending = sum(q * t.nominal_value for p, t, q in
                      self._kepos_pending_public_moves(exclude))
        change = sum(q * t.nominal_value for p, t, q in moves)
        public_change = sum(q * t.nominal_value for p, t, q in moves
                            if p.kepos_category_id.is_public_body)
        # On the movements' date, and with every line already booked (some
        # may be dated later): both registers must keep the rules.
        for cutoff in (date, None):
            current = self._kepos_capital_at(cutoff)
            if change < 0:
                floor = self._kepos_capital_floor()
                if current + change < floor:
                    raise ValidationError(_(
                        'This operation would bring the capital to %.2f, '
                        'below its floor of %.2f (a quarter of the highest '
                        'capital reached, and the statutory minimum).') % (
                            current + change, floor))
            total = current + change + pending
            public = self._kepos_capital_at(
                cutoff, public_only=True) + public_change + pending
            if total > 0 and public > total / 2.0:
                raise ValidationError(_(
                    'Public bodies would hold %.1f %% of the capital: the '
                    'law allows at most 50 %%.') % (100.0 * public / total))
        self._kepos_check_scic_categories(moves, date)

    def _kepos_check_holding(self, partner, share_type, quantity, date):
        held = partner._kepos_shares_of_type(share_type, date)
        if held + quantity < 0:
            raise ValidationError(_(
                '%s holds %d shares of type %s on %s: it cannot give up '
                '%d.') % (partner.name, held, share_type.name, date,
                          -quantity))
        lowest = partner._kepos_lowest_holding_after(share_type, date)
        if lowest is not None and lowest + quantity < 0:
            raise ValidationError(_(
                'Later movements of %s need the shares of type %s that '
                'this operation would remove.') % (
                    partner.name, share_type.name))
        after = held + quantity
        category = partner.kepos_category_id
        minimum = category._minimum_for(share_type) if category else 0
        if 0 < after < minimum:
            raise ValidationError(_(
                'A member of category %s must hold at least %d shares '
                'of type %s (%s would hold %d).') % (
                    category.name, minimum, share_type.name,
                    partner.name, after))

    def _kepos_check_scic_categories(self, moves, date, categories=None):
        """A SCIC keeps members of three categories, employees and
        beneficiaries among them: refuse movements (or new ``categories``,
        ``{partner: category}``) that lose a category while that rule is
        not met afterwards. A cooperative still gathering its members is
        not stopped from adding them."""
        self.ensure_one()
        Partner = self.env['res.partner'].sudo()
        counts = Partner._kepos_share_count_at(date, company=self)
        before = Partner.browse([p for p, n in counts.items() if n > 0])
        for partner, _share_type, quantity in moves:
            counts[partner.id] = counts.get(partner.id, 0) + quantity
        after = Partner.browse([p for p, n in counts.items() if n > 0])
        categories = categories or {}

        def category_set(members):
            return {categories.get(m.id, m.kepos_category_id) for m in members}

        old = {m.kepos_category_id for m in before}
        new = category_set(after)
        if not (old - new):
            return
        Category = self.env['kepos.member.category'].sudo()
        warning = self._kepos_scic_warning(
            after, Category.browse([c.id for c in new if c]))
        if warning:
            raise ValidationError(warning)

    def _kepos_account(self, code):
        """Account of the French chart loaded on this company."""
        self.ensure_one()
        account = self.env.ref(
            'l10n_fr.%d_pcg_%s' % (self.id, code), raise_if_not_found=False)
        if not account:
            raise UserError(_(
                'The company %s has no account %s: load the French chart of '
                'accounts first.') % (self.name, code))
        return account
