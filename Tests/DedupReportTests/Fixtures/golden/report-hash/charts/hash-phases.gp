# Time by phase — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-phases.svg'
set title 'Time by phase — hash'
set key outside right top noenhanced
set grid ytics
set style fill solid 0.85 border -1
set boxwidth 0.7
set xrange [-0.6:5.6]
set ylabel 'seconds (median)'
set yrange [0:*]
set xtics ('md5 / binary' 0, 'md5 / hex' 1, 'sha256 / binary' 2, 'sha256 / hex' 3, 'xxh64 / binary' 4, 'xxh64 / hex' 5) rotate by -35
plot 'hash-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
