#!/bin/sh
# Golden tests of --dump on both sample packages: the key figures and
# counts of their published documents (see the samples' README figures).
. "$top_srcdir/tests/lib.sh"

"$YUSUAN" --dump "$XINXIANG" > "$TMP/x.tsv" 2> "$TMP/x.err"; rc=$?
expect_eq "xinxiang loads with exit 0" 0 "$rc"
expect_eq "xinxiang loads without a message" "" "$(cat "$TMP/x.err")"
"$YUSUAN" --dump "$ZHUMADIAN" > "$TMP/z.tsv" 2> "$TMP/z.err"; rc=$?
expect_eq "zhumadian (GBK) loads with exit 0" 0 "$rc"
expect_eq "zhumadian loads without a message" "" "$(cat "$TMP/z.err")"

expect_eq "header line" "kind	code	name	amount	value	path" "$(head -1 "$TMP/x.tsv")"

# amount FILE KIND CODE [NAME]: the amount of the first such node.
amount() {
	awk -F'\t' -v k="$2" -v c="$3" -v n="${4-}" \
		'$1 == k && $2 == c && (n == "" || $3 == n) { print $4; exit }' "$1"
}
count() { awk -F'\t' -v k="$2" '$1 == k' "$1" | wc -l | tr -d ' '; }
# group_count FILE GROUP: indicators under that group of projects.
group_count() {
	awk -F'\t' -v g="$2" '$1 == "indicator" && index($6, " / 单位与项目 / ") &&
		index($6, " / " g " / ")' "$1" | wc -l | tr -d ' '
}
target_count() {
	awk -F'\t' -v g="$2" '$1 == "indicator" && index($6, " / 整体绩效目标 / " g)' "$1" |
		wc -l | tr -d ' '
}
section() {
	awk -F'\t' -v n="$2" '$1 == "section" && $3 == n { print $4; exit }' "$1"
}

# figure FILE NAME: the amount of the department's published total NAME
# ("支出总表 人员经费"), as its figure line gives it.
figure() {
	awk -F'\t' -v n="$2" '$1 == "figure" && $3 == n { print $4; exit }' "$1"
}

# xinxiang-etdz-2023
X="$TMP/x.tsv"
expect_eq "xinxiang: 人员经费" 684.20 "$(figure "$X" "基本支出表 人员经费")"
expect_eq "xinxiang: 公用经费" 38.44 "$(figure "$X" "基本支出表 公用经费")"
expect_eq "xinxiang: 其他运转类" 62.00 "$(figure "$X" "支出总表 其他运转类")"
expect_eq "xinxiang: 特定目标类" 2067.47 "$(figure "$X" "支出总表 特定目标类")"
expect_eq "xinxiang: 收入总计" 2852.11 "$(figure "$X" "收支总表 收入总计")"
expect_eq "xinxiang: department total" 2852.11 "$(amount "$X" department "")"
expect_eq "xinxiang: department name" "新乡经济技术开发区管理委员会组织和人力资源社会保障局" \
	"$(awk -F'\t' '$1 == "department" { print $3 }' "$X")"
expect_eq "xinxiang: basic spending (基本支出表 合计)" 722.64 "$(section "$X" "支出（经济分类）")"
expect_eq "xinxiang: project spending" 2129.47 "$(section "$X" "单位与项目")"
for f in 201:935.30 208:1668.46 210:248.35 20132:935.30 20801:1265.19 \
         20805:110.62 20826:64.28 20899:228.37 21011:68.35 21012:180.00; do
	expect_eq "xinxiang: func ${f%%:*}" "${f#*:}" "$(amount "$X" func "${f%%:*}")"
done
expect_eq "xinxiang: 301 wages" 675.34 "$(amount "$X" econ 301)"
expect_eq "xinxiang: 303 families" 8.86 "$(amount "$X" econ 303)"
expect_eq "xinxiang: 302 goods" 38.44 "$(amount "$X" econ 302)"
expect_eq "xinxiang: 三公" 0.20 "$(section "$X" 三公经费)"
expect_eq "xinxiang: 公务接待费" 0.20 "$(amount "$X" sangong "" 公务接待费)"
expect_eq "xinxiang: 13 projects" 13 "$(count "$X" project)"
expect_eq "xinxiang: 1 unit" 1 "$(count "$X" unit)"
expect_eq "xinxiang: 成本 indicators" 14 "$(group_count "$X" 成本指标)"
expect_eq "xinxiang: 产出 indicators" 51 "$(group_count "$X" 产出指标)"
expect_eq "xinxiang: 效益 indicators" 15 "$(group_count "$X" 效益指标)"
expect_eq "xinxiang: 满意度 indicators" 13 "$(group_count "$X" 满意度指标)"
expect_eq "xinxiang: 整体绩效 indicators" 32 "$(target_count "$X" "")"
expect_eq "xinxiang: 投入管理指标" 20 "$(target_count "$X" 投入管理指标)"
expect_eq "xinxiang: 产出指标 (整体)" 6 "$(target_count "$X" 产出指标)"
expect_eq "xinxiang: 效益指标 (整体)" 6 "$(target_count "$X" 效益指标)"
expect_eq "xinxiang: 效益指标/满意度" 3 "$(target_count "$X" "效益指标 / 满意度 /")"
contains "xinxiang: an indicator line" "$X" \
	"indicator		办理社保业务对象的满意度		≥90%	新乡经济技术开发区管理委员会组织和人力资源社会保障局 / 单位与项目 / 经开区组织人社局 / 社保中心运转经费 / 满意度指标 / 办理社保业务对象的满意度"
contains "xinxiang: a goal's text is its value" "$X" \
	"text		年度履职目标		在区党工委、管委会的领导下，组织开展薪酬管理、干部管理、人才管理、基层组织建设和党员教育管理、劳动保障、职称评审认定等工作。	新乡经济技术开发区管理委员会组织和人力资源社会保障局 / 整体绩效目标 / 年度履职目标"
# zhumadian-2023
Z="$TMP/z.tsv"
expect_eq "zhumadian: 人员经费" 12938.03 "$(figure "$Z" "基本支出表 人员经费")"
expect_eq "zhumadian: 公用经费" 1599.46 "$(figure "$Z" "基本支出表 公用经费")"
expect_eq "zhumadian: 工资福利支出" 12299.58 "$(figure "$Z" "支出总表 工资福利支出")"
expect_eq "zhumadian: 对个人和家庭的补助" 638.45 "$(figure "$Z" "支出总表 对个人和家庭的补助")"
expect_eq "zhumadian: 其他运转类" 2688.95 "$(figure "$Z" "支出总表 其他运转类")"
expect_eq "zhumadian: 特定目标类" 192.60 "$(figure "$Z" "支出总表 特定目标类")"
expect_eq "zhumadian: department total" 17419.04 "$(amount "$Z" department "")"
expect_eq "zhumadian: 基本支出表 合计" 14537.49 "$(section "$Z" "支出（经济分类）")"
expect_eq "zhumadian: project spending" 2881.55 "$(section "$Z" "单位与项目")"
for f in 205:7243.04 208:8375.22 210:936.58 221:864.19 20503:7243.04 \
         20801:6631.17 20805:1700.62 20899:43.43 21011:936.58 22102:864.19; do
	expect_eq "zhumadian: func ${f%%:*}" "${f#*:}" "$(amount "$Z" func "${f%%:*}")"
done
expect_eq "zhumadian: 三公" 46.48 "$(section "$Z" 三公经费)"
expect_eq "zhumadian: 公务用车" 45.68 "$(amount "$Z" sangong "" 公务用车购置及运行费)"
expect_eq "zhumadian: 公务用车运行" 45.68 "$(amount "$Z" sangong "" 公务用车运行费)"
expect_eq "zhumadian: 因公出国 has no figure" "" "$(amount "$Z" sangong "" 因公出国（境）费)"
expect_eq "zhumadian: 15 units" 15 "$(count "$Z" unit)"
expect_eq "zhumadian: 42 projects" 42 "$(count "$Z" project)"
expect_eq "zhumadian: 成本 indicators" 52 "$(group_count "$Z" 成本指标)"
expect_eq "zhumadian: 产出 indicators" 121 "$(group_count "$Z" 产出指标)"
expect_eq "zhumadian: 效益 indicators" 83 "$(group_count "$Z" 效益指标)"
expect_eq "zhumadian: 满意度 indicators" 46 "$(group_count "$Z" 满意度指标)"
expect_eq "zhumadian: 整体绩效 indicators" 29 "$(target_count "$Z" "")"
expect_eq "zhumadian: 投入管理指标" 20 "$(target_count "$Z" 投入管理指标)"
expect_eq "zhumadian: 效益指标/满意度" 2 "$(target_count "$Z" "效益指标 / 满意度 /")"
expect_eq "zhumadian: 财政拨款 income" 17181.79 \
	"$(awk -F'\t' '$1 == "income" && $3 == "财政拨款" { print $4 }' "$Z")"
contains "zhumadian: unit code kept with its zero" "$Z" "unit	028001	驻马店市人力资源和社会保障局"
contains "zhumadian: project code as text" "$Z" "project	4117002300000000020011	公务员、经济师等考试经费	100.00"

# Both at once: a collection.
"$YUSUAN" --dump "$SAMPLES" > "$TMP/c.tsv" 2>&1; rc=$?
expect_eq "collection loads with exit 0" 0 "$rc"
expect_eq "collection total" 20271.15 "$(amount "$TMP/c.tsv" collection "")"
expect_eq "collection has two departments" 2 "$(count "$TMP/c.tsv" department)"

"$YUSUAN" --dump "$TMP/nothing-here" > /dev/null 2> "$TMP/none.err"; rc=$?
expect_eq "a missing path: exit 2" 2 "$rc"

done_testing
