# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestGoodPractices(SavepointCase):
    """Members write good practices; the staff approve them before they are
    published to the other members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = cls.env.ref('kepos_membership.user_member_a')
        cls.user_b = cls.env.ref('kepos_membership.user_member_b')
        cls.staff = cls.env.ref('kepos_membership.user_kepos_staff')
        cls.category = cls.env.ref('kepos_synergy.knowledge_category_good_practices')
        cls.tag = cls.env['kepos.knowledge.tag'].create({'name': 'Réemploi test'})

    def _pending(self, page):
        return self.env['document.page.history'].search([
            ('page_id', '=', page.id), ('state', '=', 'to approve')])

    def test_member_article_needs_staff_approval(self):
        page = self.env['document.page'].sudo(self.user_a).create({
            'name': 'Réparer plutôt que jeter',
            'type': 'content',
            'parent_id': self.category.id,
            'kepos_tag_ids': [(6, 0, self.tag.ids)],
            'content': '<p>Notre atelier de réparation partagé.</p>',
        })
        self.assertEqual(page.kepos_author_id, self.env.ref('kepos_membership.member_bocal'))
        self.assertTrue(page.is_approval_required)
        # Not published yet: other members do not see the text.
        self.assertNotIn('atelier de réparation', page.sudo(self.user_b).content or '')
        request = self._pending(page)
        self.assertEqual(len(request), 1)
        # A member cannot approve, not even its own article.
        self.assertFalse(request.sudo(self.user_a).am_i_approver)
        with self.assertRaises(UserError):
            request.sudo(self.user_a).action_approve()
        self.assertFalse(request.sudo(self.user_b).search([('id', '=', request.id)]))
        # The staff approve: the article is published to every member.
        request.sudo(self.staff).action_approve()
        self.assertEqual(request.state, 'approved')
        page.invalidate_cache()
        self.assertIn('atelier de réparation', page.sudo(self.user_b).content)
        self.assertTrue(page.approved_date)

        # An edit by another member is a new version waiting for approval.
        page.sudo(self.user_b).write({'content': '<p>Version modifiée.</p>'})
        page.invalidate_cache()
        self.assertIn('atelier de réparation', page.content)
        edit = self._pending(page)
        self.assertEqual(edit.create_uid, self.user_b)
        edit.sudo(self.staff).action_approve()
        page.invalidate_cache()
        self.assertIn('Version modifiée', page.content)

    def test_members_cannot_delete_articles_or_edit_themes(self):
        page = self.env.ref('kepos_synergy.good_practice_consigne')
        with self.assertRaises(AccessError):
            page.sudo(self.user_b).unlink()
        with self.assertRaises(AccessError):
            self.tag.sudo(self.user_a).write({'name': 'Autre'})
