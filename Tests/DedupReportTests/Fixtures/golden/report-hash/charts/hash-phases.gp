# Time by phase — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-phases.svg'
set title 'Time by phase — hash'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:5.6]
set ylabel 'median time (s)'
set xtics ('md5 / binary' 0, 'md5 / hex' 1, 'sha256 / binary' 2, 'sha256 / hex' 3, 'xxh64 / binary' 4, 'xxh64 / hex' 5) rotate by -30
set label 'md5 / binary: wall 111 ms; gen 22.2 ms, hash 22.2 ms, dedup 5.6 ms, write 57.8 ms' at 0, 0.1111 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'md5 / hex: wall 117 ms; gen 23.4 ms, hash 23.4 ms, dedup 5.8 ms, write 60.8 ms' at 1, 0.1169 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'sha256 / binary: wall 126 ms; gen 25.1 ms, hash 31.4 ms, dedup 6.3 ms, write 59 ms' at 2, 0.1256 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'sha256 / hex: wall 129 ms; gen 25.8 ms, hash 32.3 ms, dedup 6.5 ms, write 60.7 ms' at 3, 0.1291 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'xxh64 / binary: wall 98.3 ms; gen 19.7 ms, hash 9.8 ms, dedup 4.9 ms, write 60.9 ms' at 4, 0.0983 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'xxh64 / hex: wall 97.1 ms; gen 19.4 ms, hash 9.7 ms, dedup 4.9 ms, write 60.2 ms' at 5, 0.0971 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.7
set yrange [0:0.15]
set ytics ('0 s' 0, '50 ms' 0.05, '100 ms' 0.1, '150 ms' 0.15)
plot 'hash-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
