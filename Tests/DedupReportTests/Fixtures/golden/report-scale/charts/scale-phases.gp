# Time by phase — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-phases.svg'
set title 'Time by phase — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:5.6]
set ylabel 'median time (s)'
set xtics ('bronze_append / 10k' 0, 'bronze_append / 100k' 1, 'bronze_append / 1M' 2, 'delta_merge / 10k' 3, 'delta_merge / 100k' 4, 'delta_merge / 1M' 5) rotate by -30
set label 'bronze_append / 10000: wall 12.6 ms; gen 2.5 ms, hash 3.1 ms, dedup 0.6 ms, write 5.9 ms' at 0, 0.0126 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 100000: wall 130 ms; gen 26 ms, hash 32.5 ms, dedup 6.5 ms, write 61.1 ms' at 1, 0.1301 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 1000000: wall 1.24 s; gen 247 ms, hash 309 ms, dedup 61.8 ms, write 581 ms' at 2, 1.2361 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000: wall 20.5 ms; gen 4.1 ms, hash 5.1 ms, dedup 5.1 ms, write 5.5 ms' at 3, 0.0205 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 100000: wall 378 ms; gen 75.5 ms, hash 94.4 ms, dedup 94.4 ms, write 102 ms' at 4, 0.3775 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 1000000: wall 6.51 s; gen 1.3 s, hash 1.63 s, dedup 1.63 s, write 1.76 s' at 5, 6.5053 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.7
set yrange [0:8]
set ytics ('0 s' 0, '2 s' 2, '4 s' 4, '6 s' 6, '8 s' 8)
plot 'scale-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
