-- examples/naju.sql: Naju city's policy research groups (시정연구모임 뜻세움),
-- the 2025 policy benchmarking expedition (정책 벤치마킹 원정대), the budget
-- plan and pledge 7-2-3 (학습동아리 활성화), from the pledge card as of
-- 2025-09-30 (../shared/seeds/naju-research-group-pledge-card.txt). Built by
-- `make examples` into examples/naju.db (run from examples/, extension
-- loaded); deterministic.
--
-- What is in it (rule ids from DOMAIN.md). The card gives totals; the team
-- detail below is made up and adds up to them exactly:
--   NJ1  one 뜻세움 program a year, teams of about 10, outsiders (experts,
--        citizens) at most 20% of a team (outsider_pct 20), at most 10 teams
--        (team_call.max_teams).
--   NJ3  9 runs, 70 teams, 70 topics, 667 participants: 2011 10 teams/98
--        people, 2012 9/88, 2013 8/78, 2014 8/76, 2016 8/77, 2017 7/67,
--        2019 8/76, 2021 6/54, 2023 6/53. Calls cancelled in 2015, 2018,
--        2020, 2022 (COVID-19) and 2024 (3 teams applied; minimum 5, made up).
--        Applications of the runs are made up; each team is one topic.
--   NJ4  52 of 70 proposals adopted: 2011 7, 2012 6, 2013 5, 2014 5, 2016 6,
--        2017 5 (made up), 2019 7, 2021 5, 2023 6 (the card).
--   NJ5  2023: research March-September, research reports and scores in
--        September (2023-H2), adoption decided in October; the best team's
--        prize 10,000,000 KRW as that run's own scheme '최우수:1:10000000'
--        (earlier runs: '최우수:1:6000000'; the card names no other prize).
--   NJ6  2025 expedition: staff only (outsider_pct 0), teams of at most 4
--        (max_members 4), 9 teams and 32 people selected in rounds of 5, 2
--        and 2 (April, May, June); 완주 로컬푸드팀 withdrew on 2025-06-20
--        (D6); result reports May-July are research reports for 2025-H1,
--        five judges; `learnclub evaluate 2025-H1` ranks the 8 teams and the
--        naju-2025 scheme pays 최우수 1,000,000, 우수 700,000 and 참가 500,000
--        to the 6 others; prizes paid in August (expense).
--   NJ7  the budget plan '뜻세움운영 활성화' by year and source, city money
--        only: 33 (2023), 18.5 (2024), 13.2 (2025), 10.7 (2026) = 75.4 million
--        KRW planned; 33 (2023) and 9 (2025) = 42 executed.
--   NJ8  pledge 7-2-3's indicators by year, with the dates results were
--        recorded (from the card's 추진실적): plans 2022-10, 2022-12 (for
--        2023), 2024-02, 2025-02; report meetings 2023-09 and 2025-07.
--   NJ9  the card's header: within the term, run by the city, continuing,
--        budgeted, 75.4 million KRW, 완료 후 계속추진 (completed_continuing).
-- Names of teams, people and departments are made up.
.read ../sql/schema.sql
.read ../sql/rules.sql

-- Runs of 뜻세움 (NJ3): teams, participants, adopted proposals, applications.
CREATE TEMP TABLE ex_run(year, teams, people, adopted, applications);
INSERT INTO ex_run VALUES
  (2011, 10, 98, 7, 12), (2012, 9, 88, 6, 10), (2013, 8, 78, 5, 9), (2014, 8, 76, 5, 8),
  (2016, 8, 77, 6, 8), (2017, 7, 67, 5, 7), (2019, 8, 76, 7, 9), (2021, 6, 54, 5, 6),
  (2023, 6, 53, 6, 7);
CREATE TEMP TABLE ex_cancelled(year, applications, reason);
INSERT INTO ex_cancelled VALUES
  (2015, NULL, '참여율 미달'), (2018, NULL, '참여율 미달'), (2020, NULL, '참여율 미달'),
  (2022, NULL, '참여율 미달 (코로나19)'), (2024, 3, '참여팀 미달: 3개 팀 접수, 미운영 (2024. 4. 보고)');

INSERT INTO program(id, code, name, office, starts_on, ends_on, reports_from, reports_to,
                    award_scheme, max_members, outsider_pct)
SELECT year - 2000, 'naju-ddeuseum-' || year, year || ' 시정연구모임 뜻세움', '기획예산실',
       year || '-03-01', year || '-09-30', year || '-03', year || '-09',
       CASE WHEN year >= 2023 THEN '최우수:1:10000000' ELSE '최우수:1:6000000' END, NULL, 20
FROM (SELECT year FROM ex_run UNION SELECT year FROM ex_cancelled) ORDER BY year;
INSERT INTO program(id, code, name, office, starts_on, ends_on, reports_from, reports_to,
                    award_scheme, max_members, outsider_pct)
VALUES (25, 'naju-expedition-2025', '2025 정책 벤치마킹 원정대', '기획예산실', '2025-02-01', '2025-08-31',
        '2025-05', '2025-07', 'naju-2025', 4, 0);

INSERT INTO team_call(program_id, opens_on, closes_on, applications, min_teams, max_teams, outcome, reason)
SELECT year - 2000, year || '-02-01', year || '-02-28', applications, 5, 10, 'run', NULL FROM ex_run;
INSERT INTO team_call(program_id, opens_on, closes_on, applications, min_teams, max_teams, outcome, reason)
SELECT year - 2000, year || '-03-01', year || '-03-29', applications, 5, 10, 'cancelled', reason FROM ex_cancelled;
INSERT INTO team_call(program_id, opens_on, closes_on, applications, min_teams, max_teams, outcome, reason)
VALUES (25, '2025-02-10', '2025-03-31', 11, 5, 9, 'run', NULL);

INSERT INTO unit(id, name) VALUES
  (1, '기획예산실'), (2, '총무과'), (3, '자치행정과'), (4, '일자리경제과'), (5, '문화예술과'),
  (6, '체육진흥과'), (7, '환경관리과'), (8, '사회복지과'), (9, '도시재생과'), (10, '관광과');

-- Special leave and the overseas trip are Jung-gu's incentives (JG10, JG11):
-- none here (issue 15: no incentives at all).
UPDATE program SET incentives = '';

-- Teams: one club per team; sizes spread evenly over a run's people; the
-- first teams of a run are the adopted ones. Outsiders: teams 3, 6, 9 have
-- size/5 (2 of 10 is 20%: at the limit), teams 1, 4, 7, 10 one, others none.
CREATE TEMP TABLE ex_team(id, program_id, year, n, size, outsiders, adopted);
WITH RECURSIVE t(year, n) AS (
  SELECT year, 1 FROM ex_run
  UNION ALL SELECT t.year, t.n + 1 FROM t JOIN ex_run r ON r.year = t.year WHERE t.n < r.teams
)
INSERT INTO ex_team
SELECT (t.year - 2000) * 100 + t.n, t.year - 2000, t.year, t.n,
       r.people / r.teams + (t.n <= r.people % r.teams),
       CASE t.n % 3 WHEN 0 THEN (r.people / r.teams + (t.n <= r.people % r.teams)) / 5 WHEN 1 THEN 1 ELSE 0 END,
       t.n <= r.adopted
FROM t JOIN ex_run r ON r.year = t.year ORDER BY t.year, t.n;

-- The 2025 expedition (NJ6): name, round, selected on, size, base score.
CREATE TEMP TABLE ex_exp(id, name, round, selected_on, size, base);
INSERT INTO ex_exp VALUES
  (2501, '순천 정원도시팀', 1, '2025-04-10', 4, 86),
  (2502, '세종 스마트시티팀', 1, '2025-04-10', 4, 93),
  (2503, '수원 자원순환팀', 1, '2025-04-10', 4, 80),
  (2504, '대전 공공배달팀', 1, '2025-04-10', 3, 88),
  (2505, '전주 한옥관광팀', 1, '2025-04-10', 4, 78),
  (2506, '부산 청년창업팀', 2, '2025-05-15', 4, 90),
  (2507, '광명 에너지자립팀', 2, '2025-05-15', 3, 83),
  (2508, '성동 스마트쉼터팀', 3, '2025-06-05', 4, 85),
  (2509, '완주 로컬푸드팀', 3, '2025-06-05', 2, NULL);

INSERT INTO club(id, program_id, name, kind, selection_round, selected_on)
SELECT id, program_id, '뜻세움 ' || year || '-' || n || '팀', 'integrated', 1, year || '-03-01' FROM ex_team ORDER BY id;
INSERT INTO club(id, program_id, name, kind, selection_round, selected_on)
SELECT id, 25, name, 'integrated', round, selected_on FROM ex_exp ORDER BY id;
UPDATE club SET status = 'withdrawn', withdrawn_on = '2025-06-20' WHERE id = 2509;

-- People: one person a membership (nobody took part twice), officials first
-- in each team, then its outsiders, experts and citizens in turn.
CREATE TEMP TABLE ex_member(id INTEGER PRIMARY KEY, club_id, m, kind, joined_on);
WITH RECURSIVE m(club_id, m, size, outsiders, joined_on) AS (
  SELECT t.id, 1, t.size, t.outsiders, t.year || '-03-01' FROM ex_team t
  UNION ALL SELECT e.id, 1, e.size, 0, e.selected_on FROM ex_exp e
  UNION ALL SELECT club_id, m + 1, size, outsiders, joined_on FROM m WHERE m < size
)
INSERT INTO ex_member(club_id, m, kind, joined_on)
SELECT club_id, m, CASE WHEN m <= size - outsiders THEN 'official' WHEN m % 2 = 0 THEN 'expert' ELSE 'citizen' END, joined_on
FROM m ORDER BY club_id, m;

INSERT INTO person(id, emp_no, name, unit_id, kind)
SELECT id,
       CASE kind WHEN 'official' THEN printf('NJ%05d', id) ELSE printf('EX%05d', id) END,
       substr('김이박최정강조윤장임한오서신권황안송류홍', id % 20 + 1, 1)
         || substr('민서준영지현수진우하은도윤성재경태연호정', (id / 20 + id * 3) % 20 + 1, 1)
         || substr('아린원빈희석훈주혁미라솔찬규나별온율담결', (id / 400 + id * 7 + id / 20) % 20 + 1, 1),
       CASE kind WHEN 'official' THEN id % 10 + 1 END, kind
FROM ex_member ORDER BY id;
INSERT INTO membership(club_id, person_id, role, joined_on)
SELECT club_id, id, CASE m WHEN 1 THEN 'president' ELSE 'member' END, joined_on FROM ex_member ORDER BY id;

-- Proposals (NJ2, NJ4): one a team, sent to a department, decided in October.
INSERT INTO proposal(club_id, title, field, department, adopted, decided_on)
SELECT t.id,
       CASE WHEN t.n = 1 AND t.year = 2019 THEN '나주사랑상품권 활성화 방안'
            WHEN t.n = 1 AND t.year = 2021 THEN '공공배달앱 도입방안'
            WHEN t.n = 1 AND t.year = 2023 THEN '노인 밀착형 스마트 기기 활용 돌봄 체계 조성'
            ELSE t.year || '년 연구과제 ' || t.n END,
       CASE t.n % 6 WHEN 1 THEN 'policy' WHEN 2 THEN 'service' WHEN 3 THEN 'economy'
                    WHEN 4 THEN 'culture' WHEN 5 THEN 'sport' ELSE 'environment' END,
       (SELECT name FROM unit WHERE id = t.n % 10 + 1),
       t.adopted, t.year || '-10-31'
FROM ex_team t ORDER BY t.id;

-- Research reports and judges' scores: the 2023 run (2023-H2, NJ5) and the
-- 2025 expedition's result reports (2025-H1, NJ6). Five judges, one
-- criterion; their offsets -3, -1, 0, 1, 3 make a team's trimmed mean its
-- base score exactly (KR7).
CREATE TEMP TABLE ex_scored(club_id, period, submitted_at, base);
INSERT INTO ex_scored VALUES
  (2301, '2023-H2', '2023-09-08', 92), (2302, '2023-H2', '2023-09-08', 88), (2303, '2023-H2', '2023-09-11', 86),
  (2304, '2023-H2', '2023-09-11', 84), (2305, '2023-H2', '2023-09-12', 81), (2306, '2023-H2', '2023-09-12', 79);
INSERT INTO ex_scored
SELECT id, '2025-H1', CASE round WHEN 1 THEN '2025-06-' || (10 + id % 10) WHEN 2 THEN '2025-07-0' || (id % 10) ELSE '2025-07-18' END, base
FROM ex_exp WHERE base IS NOT NULL;
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT club_id, 'research', period, submitted_at, 'naju-' || club_id, '결과보고서' FROM ex_scored ORDER BY club_id;
INSERT INTO score(club_id, period, judge, criterion, points)
SELECT s.club_id, s.period, j.judge, '종합', s.base + j.off
FROM ex_scored s, (SELECT 'A' AS judge, -3 AS off UNION ALL SELECT 'B', -1 UNION ALL SELECT 'C', 0
                   UNION ALL SELECT 'D', 1 UNION ALL SELECT 'E', 3) j
ORDER BY s.club_id, j.judge;

-- The awards, as `learnclub evaluate` stores them (sql/evaluate.sql), as of
-- 2025-09-30 (issue 14: one "today"; both half-years' reports were due by then).
.parameter init
.parameter set @as_of "'2025-09-30'"
.parameter set @period '2023-H2'
.read ../sql/evaluate.sql
DROP TABLE temp.lc_arg; DROP TABLE temp.lc_program; DROP TABLE temp.lc_club; DROP TABLE temp.lc_judge;
DROP TABLE temp.lc_score; DROP TABLE temp.lc_rank; DROP TABLE temp.lc_out; DROP TABLE temp.lc_status;
DROP TABLE temp.lc_weight; DROP TABLE temp.lc_sheet; DROP TABLE temp.lc_mean;  -- issue 15 (B1)
DROP TABLE temp.lc_pool_mean;  -- issue 16 (E1)
.parameter set @period '2025-H1'
.read ../sql/evaluate.sql
DROP TABLE temp.lc_arg; DROP TABLE temp.lc_program; DROP TABLE temp.lc_club; DROP TABLE temp.lc_judge;
DROP TABLE temp.lc_score; DROP TABLE temp.lc_rank; DROP TABLE temp.lc_out; DROP TABLE temp.lc_status;
DROP TABLE temp.lc_weight; DROP TABLE temp.lc_sheet; DROP TABLE temp.lc_mean;  -- issue 15 (B1)
DROP TABLE temp.lc_pool_mean;  -- issue 16 (E1)
.parameter clear

-- Prizes paid in August 2025 (NJ6) and September 2023 (NJ5).
INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT club_id, CASE period WHEN '2025-H1' THEN '2025-08-14' ELSE '2023-09-27' END, 'prize', prize, tier
FROM award ORDER BY period, rank;

-- Pledge 7-2-3 (NJ8, NJ9) and its indicators by year, as of 2025-09-30.
INSERT INTO pledge(id, code, title, goal, completion, by_national, by_province, by_city, by_private,
                   continuing, budgeted, total_budget, status)
VALUES (1, '7-2-3', '학습동아리 활성화',
        '시정의 정책적 참여를 원하는 직원에 대한 정책 연구활동 지원으로 역량강화 및 정책 참여문화 조성, 소통하는 조직문화로 혁신',
        'within_term', 0, 0, 1, 0, 1, 1, 75400000, 'completed_continuing');
INSERT INTO indicator(id, pledge_id, seq, name, unit) VALUES
  (1, 1, 1, '추진계획 수립', '회'),
  (2, 1, 2, '보고회 개최 (성과공유 및 평가)', '회');
INSERT INTO indicator_year(indicator_id, year, target, achieved, achieved_on) VALUES
  (1, 2022, 1, 1, '2022-10-31'), (1, 2023, 1, 1, '2022-12-30'), (1, 2024, 1, 1, '2024-02-29'),
  (1, 2025, 1, 1, '2025-02-28'), (1, 2026, 1, NULL, NULL),
  (2, 2022, NULL, NULL, NULL), (2, 2023, 1, 1, '2023-09-27'), (2, 2024, 1, NULL, NULL),
  (2, 2025, 1, 1, '2025-07-24'), (2, 2026, NULL, NULL, NULL);

-- The budget plan (NJ7), in KRW: every year of the term and every source.
INSERT INTO budget_plan(id, name, pledge_id) VALUES (1, '뜻세움운영 활성화', 1);
WITH RECURSIVE y(year) AS (SELECT 2022 UNION ALL SELECT year + 1 FROM y WHERE year < 2026),
  s(source, k) AS (VALUES ('national', 1), ('province', 2), ('city', 3), ('other', 4))
INSERT INTO budget_line(plan_id, year, source, planned, executed)
SELECT 1, y.year, s.source,
       CASE WHEN s.source = 'city' THEN CASE y.year WHEN 2023 THEN 33000000 WHEN 2024 THEN 18500000
                                                    WHEN 2025 THEN 13200000 WHEN 2026 THEN 10700000 ELSE 0 END ELSE 0 END,
       CASE WHEN s.source = 'city' THEN CASE y.year WHEN 2023 THEN 33000000 WHEN 2025 THEN 9000000 ELSE 0 END ELSE 0 END
FROM y, s ORDER BY y.year, s.k;
