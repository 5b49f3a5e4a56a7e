# Time by phase — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-phases.svg'
set title 'Time by phase — scale'
set key outside right top noenhanced
set grid ytics
set style fill solid 0.85 border -1
set boxwidth 0.7
set xrange [-0.6:5.6]
set ylabel 'seconds (median)'
set yrange [0:*]
set xtics ('bronze_append / 10000' 0, 'bronze_append / 100000' 1, 'bronze_append / 1000000' 2, 'delta_merge / 10000' 3, 'delta_merge / 100000' 4, 'delta_merge / 1000000' 5) rotate by -35
plot 'scale-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
unset output
