# Time by phase — evil ‘name‘ | 'q'
# Written by dedupbench report. Regenerate from this directory: gnuplot evil-name-q-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'evil-name-q-phases.svg'
set title 'Time by phase — evil ‘name‘ | ''q'''
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:1.6]
set ylabel 'median time (s)'
set xtics ('plain' 0, 'x‘touch /tmp/dedupbench-pwned‘''" | system("id") @m' 1) rotate by -30
set label 'plain: wall 156 ms; gen 31.2 ms, hash 39 ms, dedup 39 ms, write 42.1 ms' at 0, 0.15605 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'x‘touch /tmp/dedupbench-pwned‘''" | system("id") @m: wall 156 ms; gen 31.1 ms, hash 38.9 ms, dedup 38.9 ms, write 42 ms' at 1, 0.1556 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.7
set yrange [0:0.2]
set ytics ('0 s' 0, '50 ms' 0.05, '100 ms' 0.1, '150 ms' 0.15, '200 ms' 0.2)
plot 'evil-name-q-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
