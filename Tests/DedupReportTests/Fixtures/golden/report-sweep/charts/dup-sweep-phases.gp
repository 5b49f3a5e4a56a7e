# Time by phase — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-phases.svg'
set title 'Time by phase — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 0%%' 0, 'bronze_append / 30%%' 1, 'delta_merge / 0%%' 2, 'delta_merge / 30%%' 3, 'eager_dedup / 0%%' 4, 'eager_dedup / 30%%' 5, 'polars_merge / 0%%' 6, 'polars_merge / 30%%' 7) rotate by -30
set label 'bronze_append / 0: wall 111 ms; gen 22.1 ms, hash 27.7 ms, dedup 5.5 ms, write 52 ms' at 0, 0.1107 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 0.3: wall 160 ms; gen 32 ms, hash 40 ms, dedup 8 ms, write 75.2 ms' at 1, 0.1599 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0: wall 334 ms; gen 66.8 ms, hash 83.6 ms, dedup 83.6 ms, write 90.2 ms' at 2, 0.3342 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 0.3: wall 454 ms; gen 90.8 ms, hash 113 ms, dedup 113 ms, write 123 ms' at 3, 0.45385 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0: wall 142 ms; gen 28.3 ms, hash 35.4 ms, dedup 35.4 ms, write 38.2 ms' at 4, 0.1415 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 0.3: wall 197 ms; gen 39.3 ms, hash 49.2 ms, dedup 49.2 ms, write 53.1 ms' at 5, 0.1967 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0: wall 156 ms; gen 31.1 ms, hash 38.9 ms, dedup 38.9 ms, write 42 ms' at 6, 0.1557 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 0.3: wall 229 ms; gen 45.9 ms, hash 57.3 ms, dedup 57.3 ms, write 61.9 ms' at 7, 0.2293 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.7
set yrange [0:0.5]
set ytics ('0 s' 0, '100 ms' 0.1, '200 ms' 0.2, '300 ms' 0.3, '400 ms' 0.4, '500 ms' 0.5)
plot 'dup-sweep-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
