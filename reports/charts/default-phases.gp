# Where the time goes (1M records; hashing overlaps writing, so bars can exceed wall time)
# Written by dedupbench report. Regenerate from this directory: gnuplot default-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-phases.svg'
set title 'Where the time goes (1M records; hashing overlaps writing, so bars can exceed wall time)'
set key outside right top noenhanced
set grid ytics
set style fill solid 0.85 border -1
set boxwidth 0.7
set xrange [-0.6:11.6]
set ylabel 'seconds (median)'
set yrange [0:*]
set xtics ('bronze_append / 0' 0, 'bronze_append / 0.1' 1, 'bronze_append / 0.3' 2, 'delta_merge / 0' 3, 'delta_merge / 0.1' 4, 'delta_merge / 0.3' 5, 'eager_dedup / 0' 6, 'eager_dedup / 0.1' 7, 'eager_dedup / 0.3' 8, 'polars_merge / 0' 9, 'polars_merge / 0.1' 10, 'polars_merge / 0.3' 11) rotate by -35
plot 'default-phases.dat' using 1:6 with boxes lc rgb '#bbbbbb' title 'other', \
     '' using 1:5 with boxes lc rgb '#228833' title 'write', \
     '' using 1:4 with boxes lc rgb '#ee6677' title 'dedup', \
     '' using 1:3 with boxes lc rgb '#ccbb44' title 'hash', \
     '' using 1:2 with boxes lc rgb '#4477aa' title 'gen'
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-phases.png'
replot
unset output
