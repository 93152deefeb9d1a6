-- examples/hanbit2026.sql: 한빛시 (a made-up city) and its 2026 policy research
-- groups (정책연구모임), the second example office (issue 15). Its rules are
-- those other offices published (DOMAIN.md "Other offices", O1-O7; which
-- setting expresses which rule: docs/workflows.md "Other offices"). Built by
-- `make examples` into examples/hanbit2026.db (run from examples/, extension
-- loaded); deterministic. Names, people and figures are made up.
--
-- What is in it:
--   O5  14 groups, 2,000,000 KRW support each (allocation); 기후에너지연구회
--       spends 2,050,000 (over by 50,000: a finding of summary and budget).
--   O6  10 to 12 members a group (at most 20: max_members), at most 5 from
--       one unit; a research plan due 1-20 and 7-20 (a half-year's research
--       report; 인구정책연구회 files the second on 7-22).
--   O7  regular meetings twice a month, March to November (교통미래연구회
--       only once in May: `monthly-check` says fewer), each month's activity
--       report by the 5th of the next (JG6's rule, which 한빛시 keeps).
--       A yearly hours cap of 20 on top of the half-year's 12 (KR6: Jeju's).
--   O3  the contest in the second half: a written screening of all 14 groups
--       by 5 experts, then a final of the best 10 before an expert panel
--       (3 criteria, O5's 시의성 40, 적정성 30, 활용가능성 30) and an audience
--       jury of one member from each group; each juror's score for their own
--       group is on the sheet and set aside. Four tiers, O3's 대상 1, 최우수 1,
--       우수 3, 장려 5.
--   O2  prizes in kind: 대상 the overseas trip, 최우수 domestic training (prize 0);
--       O1 prizes for 우수 (300,000) and 장려 (200,000).
--   O1  promotion preference for the best group and one 우수 group.
-- The expert panel weighs 70, the jury 30 (the issue's panel_weights example).
-- An expert's scores are the group's base plus one of (+3, +1, 0, -1, -4), a
-- juror's the jury base plus one of (+4, +2, +1, +1, 0 ×5, -1, -1, -2, -5):
-- dropping the highest and the lowest leaves the base as each panel's mean.
.read ../sql/schema.sql
.read ../sql/rules.sql

-- Each setting with the rule it writes (docs/workflows.md "Other offices").
INSERT INTO program(id, code, name, office, starts_on, ends_on, reports_from, reports_to,
                    report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break,
                    max_members, panel_weights, finalists, criteria, incentives, allocation,
                    min_members, clubs_per_person, max_from_one_unit, regular_per_month, hours_cap_year)
VALUES (1, 'hanbit-2026', '2026 한빛시 정책연구모임', '정책기획관', '2026-01-01', '2026-12-31', '2026-03', '2026-11',
        'h1=01-20,h2=07-20',                                -- O6: research plans by 1-20 and 7-20
        '대상:1:0,최우수:1:0,우수:3:300000,장려:5:200000',  -- O3's tiers; O1's prizes; O2's in kind
        12, 5, 1, 1, '활용가능성',                          -- JG9's half-year cap; KR7's trimming
        20,                                                 -- O6: at most 20 members
        '전문가:70,청중:30', 10,                            -- O3: an expert panel and a jury; 10 finalists
        '시의성:40,적정성:30,활용가능성:30',                -- O5's criteria (O3: three), maxima made up
        '대상:trip+promotion,최우수:training,우수:promotion/1',  -- O2, O1
        '2000000',                                          -- O5: 2,000,000 KRW a group
        10, 3, 5,                                           -- O6: at least 10, in up to 3 groups, 5 from a unit
        2,                                                  -- O7: twice a month
        20);                                                -- a yearly hours cap (KR6: Jeju's 20)

INSERT INTO bureau(id, name) VALUES (1, '기획경제국'), (2, '복지문화국'), (3, '도시안전국');
INSERT INTO unit(id, name, bureau_id) VALUES
  (1, '정책기획관', 1), (2, '예산법무과', 1), (3, '일자리경제과', 1),
  (4, '복지정책과', 2), (5, '문화관광과', 2), (6, '청년인구과', 2),
  (7, '도시계획과', 3), (8, '교통정책과', 3), (9, '안전총괄과', 3);

-- The groups: size, meeting hours, the screening base, the final's expert
-- and jury bases (NULL: not in the final).
CREATE TEMP TABLE ex_club(id, name, size, hours, s, e, a);
INSERT INTO ex_club VALUES
  (1, '스마트행정연구회', 12, 2, 88, 90, 84),
  (2, '청년정책연구회', 11, 2, 85, 86, 90),
  (3, '기후에너지연구회', 12, 3, 91, 93, 88),
  (4, '복지혁신연구회', 10, 2, 80, NULL, NULL),
  (5, '도시재생포럼', 11, 2, 86, 84, 86),
  (6, '교통미래연구회', 10, 2, 78, NULL, NULL),
  (7, '문화관광연구회', 10, 2, 83, 85, 80),
  (8, '안전도시포럼', 12, 2, 87, 88, 82),
  (9, '일자리창출연구회', 10, 2, 79, NULL, NULL),
  (10, '디지털전환연구회', 12, 3, 90, 89, 92),
  (11, '인구정책연구회', 11, 2, 82, 83, 85),
  (12, '세정개선연구회', 10, 2, 76, NULL, NULL),
  (13, '환경보전연구회', 11, 2, 84, 82, 83),
  (14, '주민참여연구회', 10, 2, 81, 81, 87);

INSERT INTO club(id, program_id, name, kind, bureau_id, status)
SELECT id, 1, name, 'integrated', NULL, 'active' FROM ex_club ORDER BY id;

-- Seats: person ids in group order; seat 1 is the president, seat 2 the
-- group's juror in the final. Units round-robin: at most 2 of a unit a group.
-- Seat 12 of the four groups of 12 is a citizen (O3: citizens may be
-- members; N-D12: a made-up identifier CZ… for emp_no).
CREATE TEMP TABLE ex_seat AS
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 12)
SELECT c.id AS club_id, n.k AS seat,
       (SELECT coalesce(sum(x.size), 0) FROM ex_club x WHERE x.id < c.id) + n.k AS person_id
FROM ex_club c JOIN n ON n.k <= c.size;

INSERT INTO person(id, emp_no, name, unit_id, kind)
SELECT s.person_id, CASE WHEN s.seat = 12 THEN printf('CZ%03d', s.club_id) ELSE printf('H%06d', 260000 + s.person_id * 17) END,
       substr('김이박최정강조윤장임한오서신권황안송류홍', (s.person_id * 3) % 20 + 1, 1)
         || substr('가나다라마바사아자차', (s.person_id * 7) % 10 + 1, 1)
         || substr('영수희민준서연우진호', (s.person_id * s.person_id + 3) % 10 + 1, 1),
       CASE WHEN s.seat < 12 THEN (s.seat + s.club_id) % 9 + 1 END,
       CASE WHEN s.seat = 12 THEN 'citizen' ELSE 'official' END
FROM ex_seat s ORDER BY s.person_id;

INSERT INTO membership(club_id, person_id, role, joined_on, left_on)
SELECT s.club_id, s.person_id, CASE s.seat WHEN 1 THEN 'president' ELSE 'member' END, '2026-01-05', NULL
FROM ex_seat s ORDER BY s.person_id;
-- Members in two groups (O6 allows three): seat 3 of the first four groups
-- joins one of the last four in March, and attends its meetings too.
INSERT INTO membership(club_id, person_id, role, joined_on, left_on)
SELECT s.club_id + 10, s.person_id, 'member', '2026-03-02', NULL
FROM ex_seat s WHERE s.seat = 3 AND s.club_id <= 4 ORDER BY s.person_id;

-- Regular meetings twice a month (O7): March to November; 교통미래연구회 skips
-- its second meeting of May.
CREATE TEMP TABLE ex_month(n);
INSERT INTO ex_month VALUES (3), (4), (5), (6), (7), (8), (9), (10), (11);
INSERT INTO meeting(club_id, held_on, hours, kind, topic)
SELECT c.id, printf('2026-%02d-%02d', m.n, d.day + c.id % 3), c.hours, 'regular',
       CASE WHEN m.n = 3 AND d.day = 6 THEN '연구계획 수립' ELSE m.n || '월 정기모임' END
FROM ex_club c CROSS JOIN ex_month m CROSS JOIN (SELECT 6 AS day UNION ALL SELECT 20) d
WHERE NOT (c.id = 6 AND m.n = 5 AND d.day = 20)
ORDER BY m.n, d.day, c.id;

-- Attendance: presidents and jurors always; members about four times in five;
-- the members of two groups at every meeting of their second group.
INSERT INTO attendance(meeting_id, person_id)
SELECT mt.id, s.person_id FROM meeting mt JOIN ex_seat s ON s.club_id = mt.club_id
WHERE s.seat <= 2 OR (s.seat * 3 + CAST(substr(mt.held_on, 6, 2) AS INTEGER) + CAST(substr(mt.held_on, 9, 2) AS INTEGER) + mt.club_id) % 5 <> 0
UNION ALL
SELECT mt.id, s.person_id FROM meeting mt JOIN ex_seat s ON s.club_id + 10 = mt.club_id AND s.seat = 3 AND s.club_id <= 4
WHERE mt.held_on >= '2026-03-02'
ORDER BY 1, 2;

-- Monthly activity reports, March to November, a day or two before they are due.
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT c.id, 'monthly', printf('2026-%02d', m.n),
       date(report_due(printf('2026-%02d', m.n)), '-' || (1 + (c.id + m.n) % 2) || ' days') || ' 10:00',
       printf('활동보고-%02d%02d', m.n, c.id), c.name || ' ' || m.n || '월 활동보고서'
FROM ex_club c CROSS JOIN ex_month m ORDER BY m.n, c.id;

-- Research reports (O6): a half-year's report is its research plan, due
-- 1-20 for the first half and 7-20 for the second (인구정책연구회 files the
-- second on 7-22, two days late); the contest judges the second half's.
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT id, 'research', '2026-H1', printf('2026-01-%02d 17:00', 5 + id), printf('연구계획-1%02d', id), name || ' 상반기 연구계획서'
FROM ex_club ORDER BY id;
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT id, 'research', '2026-H2', CASE id WHEN 11 THEN '2026-07-22 10:00' ELSE printf('2026-07-%02d 16:00', 3 + id) END,
       printf('연구계획-2%02d', id), name || ' 하반기 연구계획서'
FROM ex_club ORDER BY id;

-- The contest's scores (O3), every row with its stage and panel. A total
-- is split over the criteria: 시의성 four tenths (rounded down), the rest
-- halved between 적정성 (rounded down) and 활용가능성.
CREATE TEMP TABLE ex_offset(panel, k, o);
INSERT INTO ex_offset VALUES ('전문가', 0, 3), ('전문가', 1, 1), ('전문가', 2, 0), ('전문가', 3, -1), ('전문가', 4, -4),
  ('청중', 0, 4), ('청중', 1, 2), ('청중', 2, 1), ('청중', 3, 1), ('청중', 4, 0), ('청중', 5, 0), ('청중', 6, 0),
  ('청중', 7, 0), ('청중', 8, 0), ('청중', 9, -1), ('청중', 10, -1), ('청중', 11, -2), ('청중', 12, -5);
CREATE TEMP TABLE ex_total AS
-- the screening: 5 experts, every group
SELECT c.id AS club_id, 'screening' AS stage, '전문가' AS panel, '전문가' || (j.k + 1) AS judge, NULL AS judge_person,
       c.s + (SELECT o FROM ex_offset WHERE panel = '전문가' AND k = (j.k + c.id) % 5) AS total
FROM ex_club c CROSS JOIN (SELECT k FROM ex_offset WHERE panel = '전문가') j
UNION ALL
-- the final: the same 5 experts, the finalists
SELECT c.id, 'final', '전문가', '전문가' || (j.k + 1), NULL,
       c.e + (SELECT o FROM ex_offset WHERE panel = '전문가' AND k = (j.k + c.id) % 5)
FROM ex_club c CROSS JOIN (SELECT k FROM ex_offset WHERE panel = '전문가') j WHERE c.e IS NOT NULL
UNION ALL
-- the jury: group g's juror (seat 2) scores every finalist; their own group 100
SELECT c.id, 'final', '청중', '청중-' || g.name, s.person_id,
       CASE WHEN g.id = c.id THEN 100
            ELSE c.a + (SELECT o FROM ex_offset WHERE panel = '청중' AND k = (g.id - c.id - 1 + 14) % 14) END
FROM ex_club c CROSS JOIN ex_club g JOIN ex_seat s ON s.club_id = g.id AND s.seat = 2
WHERE c.e IS NOT NULL;
CREATE TEMP TABLE ex_score AS
SELECT club_id, stage, panel, judge, judge_person, '시의성' AS criterion, total * 4 / 10 AS points FROM ex_total
UNION ALL SELECT club_id, stage, panel, judge, judge_person, '적정성', (total - total * 4 / 10) / 2 FROM ex_total
UNION ALL SELECT club_id, stage, panel, judge, judge_person, '활용가능성', total - total * 4 / 10 - (total - total * 4 / 10) / 2 FROM ex_total;
INSERT INTO score(club_id, period, stage, panel, judge, judge_emp_no, criterion, points)
SELECT x.club_id, '2026-H2', x.stage, x.panel, x.judge, p.emp_no, x.criterion, x.points
FROM ex_score x LEFT JOIN person p ON p.id = x.judge_person
ORDER BY x.club_id, x.stage, x.panel, x.judge, x.criterion;

-- Support spending (O5: 2,000,000 KRW a group): books in April, an advisory
-- allowance (150,000 a session) in May and September; 기후에너지연구회's field
-- study in October takes it over its allocation.
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT id, printf('2026-04-%02d', 6 + id), 'books', 80000 + (id * 7 % 5) * 20000, name || ' 연구 도서 구입' FROM ex_club ORDER BY id;
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT c.id, d.day, 'advisory', 150000, c.name || ' 외부 자문 수당'
FROM ex_club c CROSS JOIN (SELECT '2026-05-20' AS day UNION ALL SELECT '2026-09-16') d ORDER BY d.day, c.id;
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT 3, '2026-10-14', 'other', 2050000 - 300000 - (80000 + (3 * 7 % 5) * 20000), '기후에너지연구회 현장 연구 (발전소 견학)';
